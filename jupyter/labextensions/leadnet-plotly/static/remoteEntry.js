/*
 * LeadNet's figure renderer: a JupyterLab / Voila mime extension, written by hand (no build
 * step), for the MIME type "application/vnd.leadnet.plotly.v2+json" that the dashboard of
 * notebook 03 sends (leadnet_helpers/app/figure_renderer.py): plotly's figure JSON as one
 * string of JSON text, parsed here once. (As text, a 30,000-contact figure passes through
 * the kernel's widget messages and the page's output models as one string, not as a
 * million values each walked and copied.)
 *
 * Why: jupyterlab-plotly's renderer draws each figure three times (Plotly.react, then
 * Plotly.redraw on its first update, then Plotly.toImage to keep a PNG copy in the notebook).
 * This one draws each figure once, and on a change of width only resizes it. It draws first
 * the figures on screen; the others follow while the page is idle, or at once when scrolled
 * to, so that the figure a person looks at never waits for the six below it.
 *
 * plotly.js, each build at most once per page, the smallest that draws the figure:
 * - plotly.js's "basic" build (scatter, bar and pie traces, 1.2 MB; plotly-basic.min.js beside
 *   this file, the npm package plotly.js-basic-dist-min, MIT licence in plotly-basic.LICENSE)
 *   for a figure whose traces are all of those types, and whose plotly.js version (sent by the
 *   kernel in the output's metadata) is the build's. Loading it costs the page's one thread
 *   0.2-0.3 s, against 1.0-2.0 s for the whole of plotly.js on a 2-core machine;
 * - plotly.js's "gl2d" build (scatter, scattergl, splom and parcoords traces, 1.5 MB;
 *   plotly-gl2d.min.js, from the npm package plotly.js's dist folder, MIT licence in
 *   plotly-gl2d.LICENSE) for the WebGL maps of a large workspace, on the same condition:
 *   0.23-0.28 s to load against 1.04 s for the whole (Chromium, 2 cores, measured with the
 *   30,000-contact maps, which it draws as fast);
 * - otherwise the whole of plotly.js: the one jupyterlab-plotly (the `plotly` package's
 *   extension) loads, when the page has that extension (JupyterLab), else the `plotly`
 *   package's own build (plotly/package_data/plotly.min.js), which `make install` copies beside
 *   this file: any other trace type, or another plotly.js version. (LeadNet's Voila,
 *   jupyter/config/voila.json, leaves jupyterlab-plotly out: it would fetch and run its 4.8 MB
 *   chunk with every page, used or not.)
 * A drawing is updated by the plotly.js that drew it; moving to another one redraws it.
 *
 * The file is a module-federation container as JupyterLab and Voila load them: a global
 * `_JUPYTERLAB[name]` with `init(shareScope)` and `get(module)`.
 */
var _JUPYTERLAB;
(function () {
  "use strict";
  var root = typeof window !== "undefined" ? window : globalThis;
  var NAME = "leadnet-plotly";
  var MIME = "application/vnd.leadnet.plotly.v2+json";
  var PLOTLY_MIME = "application/vnd.plotly.v1+json";
  /* a note from the kernel, shown before it works out the WebGL maps of a large workspace
     ({"plotly": "webgl"}): load the gl2d build now, while the kernel works; show nothing */
  var PREPARE_MIME = "application/vnd.leadnet.plotly-prepare+json";
  var shared = null; // the page's share scope: @lumino/widgets comes from there
  var plotly = null; // the promise of the whole of plotly.js (or null when it cannot be reached)
  /* plotly.js's partial builds shipped beside this file, the smallest first: its file and the
     trace types it draws (a trace with no type is a scatter) */
  var BUILDS = [
    { name: "basic", file: "plotly-basic.min.js", types: { scatter: true, bar: true, pie: true } },
    {
      name: "gl2d",
      file: "plotly-gl2d.min.js",
      types: { scatter: true, scattergl: true, splom: true, parcoords: true },
    },
  ];
  var loading = {}; // build name -> the promise of its Plotly (of null when it cannot be loaded)
  var loaded = {}; // build name -> its Plotly, once loaded
  /* where this file was loaded from: plotly-basic.min.js sits beside it */
  var HERE = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : "";
  var WHOLE_FILE = "plotly.min.js";
  /* A filter change replaces a dashboard figure's output: the old output is cleared, then a
     new one added. The old drawing is kept a moment under its figure's key (the dashboard's
     layout.meta.figure) and the new output takes it over and updates it with Plotly.react,
     which keeps its axes, its text and its WebGL context, instead of drawing from nothing. */
  var kept = {};
  var KEEP_MS = 3000;
  /* Figures off screen wait here and are drawn at the next idle moment (the page's own work
     first: the outputs still arriving, the figures on screen), the highest first, or at once
     when they come near the screen (NEAR_PX). */
  var waiting = new Set();
  var pumping = false;
  var NEAR_PX = 200;
  var seen = null; // an IntersectionObserver for the waiting figures (null: none in this browser)

  function onScreen(node) {
    var box = node.getBoundingClientRect();
    var height = root.innerHeight || document.documentElement.clientHeight;
    return box.width > 0 && box.bottom > -NEAR_PX && box.top < height + NEAR_PX;
  }

  function watchWaiting(figure) {
    if (seen === null && typeof IntersectionObserver === "function") {
      seen = new IntersectionObserver(
        function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting && entry.target.__leadnetFigure) {
              entry.target.__leadnetFigure._drawNow().then(pump, pump);
            }
          });
        },
        { rootMargin: NEAR_PX + "px" }
      );
    }
    if (seen) {
      seen.observe(figure.node);
    }
  }

  function pump() {
    if (pumping || waiting.size === 0) {
      return;
    }
    pumping = true;
    var next = function () {
      // every waiting figure that is laid out (one in a hidden tab waits until it is shown),
      // the highest first, one after the other: drawn in one go, the page is laid out once
      var shown = [];
      waiting.forEach(function (figure) {
        var box = figure.node.getBoundingClientRect();
        if (box.width > 0) {
          shown.push([box.top, figure]);
        }
      });
      shown.sort(function (a, b) {
        return a[0] - b[0];
      });
      var chain = Promise.resolve();
      shown.forEach(function (item) {
        var draw = function () {
          return item[1]._drawNow();
        };
        chain = chain.then(draw, draw);
      });
      var again = function () {
        pumping = false;
        if (waiting.size && !shown.length) {
          // none laid out (a hidden tab, a page still hidden while it loads): look again
          setTimeout(pump, 1000);
        } else {
          pump();
        }
      };
      chain.then(again, again);
    };
    if (typeof requestIdleCallback === "function") {
      requestIdleCallback(next, { timeout: 100 });
    } else {
      setTimeout(next, 50);
    }
  }

  /* A figure's plotly.js options, with WebGL drawn at the screen's own pixel ratio (1 or 2)
     unless the figure says otherwise: plotly.js draws its WebGL canvas at twice the
     resolution by default, four times the pixels on an ordinary screen. At 30,000 contacts
     in headless Chromium a map then took 0.57-0.58 s to draw and 0.12-0.18 s to redraw,
     against 0.18-0.20 s and 0.05-0.09 s at the screen's ratio. */
  function withPixelRatio(config) {
    var options = Object.assign({}, config || {});
    if (!("plotGlPixelRatio" in options)) {
      var ratio = (typeof root.devicePixelRatio === "number" && root.devicePixelRatio) || 1;
      options.plotGlPixelRatio = Math.min(2, Math.max(1, ratio));
    }
    return options;
  }

  function figureKey(spec) {
    var meta = spec && spec.layout && spec.layout.meta;
    return meta && typeof meta.figure === "string" ? meta.figure : null;
  }

  /* the plotly.js that drew *gd* (a drawing is updated and purged by its own) */
  function drewIt(gd, fallback) {
    return gd.__leadnetPlotly || fallback;
  }

  function keep(key, gd, Plotly) {
    var old = kept[key];
    if (old) {
      clearTimeout(old.timer);
      drewIt(old.gd, Plotly).purge(old.gd);
    }
    kept[key] = {
      gd: gd,
      timer: setTimeout(function () {
        if (kept[key] && kept[key].gd === gd) {
          delete kept[key];
          drewIt(gd, Plotly).purge(gd);
        }
      }, KEEP_MS),
    };
  }

  function takeKept(key) {
    var found = key && kept[key];
    if (!found) {
      return null;
    }
    delete kept[key];
    clearTimeout(found.timer);
    return found.gd;
  }

  function highest(versions) {
    var best = null;
    Object.keys(versions || {}).forEach(function (v) {
      var a = v.split(".").map(Number);
      var b = best && best.split(".").map(Number);
      if (!b || a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) {
        best = v;
      }
    });
    return best && versions[best];
  }

  async function sharedModule(name) {
    var entry = shared && highest(shared[name]);
    if (!entry) {
      throw new Error(NAME + ": the page shares no " + name);
    }
    var factory = await entry.get();
    return factory();
  }

  /* A build of plotly.js from beside this file (this server: nothing leaves the machine), by a
     script element, so the browser can keep its compiled code between visits; the promise of
     its Plotly, or of null when it cannot be loaded. A build sets window.Plotly (and
     window.moduleName); what the page had there before is put back. */
  function loadScript(file) {
    return new Promise(function (resolve) {
      if (!HERE || !document.head) {
        resolve(null);
        return;
      }
      var before = {};
      ["Plotly", "moduleName"].forEach(function (name) {
        before[name] = { had: name in root, value: root[name] };
      });
      var putBack = function () {
        var loaded = root.Plotly;
        Object.keys(before).forEach(function (name) {
          if (before[name].had) {
            root[name] = before[name].value;
          } else {
            delete root[name];
          }
        });
        return loaded;
      };
      var script = document.createElement("script");
      script.async = true;
      script.src = new URL(file, HERE).href;
      script.onload = function () {
        var Plotly = putBack();
        resolve(Plotly && typeof Plotly.newPlot === "function" ? Plotly : null);
      };
      script.onerror = function () {
        putBack();
        script.remove();
        resolve(null);
      };
      document.head.appendChild(script);
    });
  }

  /* Note on the page when it first asked for the plotly.js *name* ("whole", or a build's name;
     ms since it opened, in data-leadnet-plotly-<name>): for tests and benchmarks. */
  function markAsked(name) {
    if (typeof document !== "undefined" && document.documentElement) {
      document.documentElement.setAttribute(
        "data-leadnet-plotly-" + name,
        String(Math.round(typeof performance !== "undefined" ? performance.now() : 0))
      );
    }
  }

  /* The whole of plotly.js: the one jupyterlab-plotly holds when the page loaded that
     extension (JupyterLab fetches its 4.8 MB chunk with the page anyway: not twice), else the
     `plotly` package's own build, which `make install` puts beside this file (WHOLE_FILE: the
     same version; LeadNet's Voila leaves jupyterlab-plotly out). */
  function loadPlotly() {
    if (plotly === null) {
      markAsked("whole");
      plotly = fromJupyterlabPlotly()
        .catch(function (err) {
          console.warn(NAME + ": jupyterlab-plotly's plotly.js could not be reached", err);
          return null;
        })
        .then(function (Plotly) {
          return Plotly || loadScript(WHOLE_FILE);
        });
    }
    return plotly;
  }

  /* plotly.js as jupyterlab-plotly holds it: its renderer class keeps the module in a static
     field once it has drawn one figure; an empty figure off the page makes it load. */
  async function fromJupyterlabPlotly() {
    var container = root._JUPYTERLAB && root._JUPYTERLAB["jupyterlab-plotly"];
    if (!container) {
      return null;
    }
    var module = (await container.get("./mimeExtension"))();
    var Rendered = module && module.RenderedPlotly;
    if (!Rendered || !("Plotly" in Rendered)) {
      return null;
    }
    if (!Rendered.Plotly) {
      var probe = new Rendered({ mimeType: PLOTLY_MIME });
      var data = {};
      data[PLOTLY_MIME] = { data: [], layout: {} };
      try {
        await probe.createGraph({ data: data, setData: function () {} });
      } catch (err) {
        // the module is loaded before the probe draws; a failed draw off the page is fine
      }
      probe.dispose();
    }
    var Plotly = Rendered.Plotly;
    return Plotly && typeof Plotly.newPlot === "function" ? Plotly : null;
  }

  /* One of plotly.js's partial builds shipped beside this file (BUILDS), once per page. */
  function loadBuild(build) {
    if (!(build.name in loading)) {
      markAsked(build.name);
      loading[build.name] = loadScript(build.file).then(function (Plotly) {
        loaded[build.name] = Plotly;
        if (!Plotly) {
          console.warn(NAME + ": " + build.file + " could not be loaded; using the whole plotly.js");
        }
        return Plotly;
      });
    }
    return loading[build.name];
  }

  /* The partial build called *name* ("basic", "gl2d"). */
  function loadNamed(name) {
    return loadBuild(
      BUILDS.find(function (b) {
        return b.name === name;
      })
    );
  }

  /* The plotly.js to draw *spec* with: the smallest build that has every trace type of its,
     else the whole. */
  async function plotlyFor(spec, version) {
    var traces = (spec && spec.data) || [];
    var build = BUILDS.find(function (b) {
      return traces.every(function (trace) {
        return b.types[(trace && trace.type) || "scatter"] === true;
      });
    });
    var Small = build ? await loadBuild(build) : null;
    if (Small && (!version || Small.version === version)) {
      return Small;
    }
    // the whole; if it cannot be reached, a build of another version rather than nothing
    return (await loadPlotly()) || Small;
  }

  /* Once the page is idle, load plotly.js's basic build and draw a small figure off the page,
     then drop it: the first dashboard figure then finds plotly.js loaded and its drawing code
     compiled, work done while the kernel starts or the person reads.
     In JupyterLab the gl2d build follows, at the next idle moment (for the WebGL maps of
     a large workspace): the person reads the notebook before running it, so it is loaded
     before a Run All needs it. Voila runs the cells as soon as the page is up: there the gl2d
     build, which holds the page 0.25 s, is loaded only when the kernel's note or a figure asks
     for it. (Loading the whole plotly.js
     later in JupyterLab, once the page is quiet after outputs, held a Run All's figures up
     1.5 s one run in two at 54 contacts: a pause of the kernel is not the end of a Run All.)
     Nothing leaves the machine: plotly.js comes from this server. */
  function warmDraw(Plotly) {
    if (!Plotly || !document.body) {
      return undefined;
    }
    var div = document.createElement("div");
    div.setAttribute("aria-hidden", "true");
    div.style.cssText =
      "position:absolute;left:-10000px;top:0;width:480px;height:320px;visibility:hidden";
    document.body.appendChild(div);
    var data = [
      { type: "bar", x: ["a", "b"], y: [1, 2], name: "bars" },
      { type: "scatter", x: [0, 1], y: [1, 0], mode: "markers+text", text: ["a", "b"] },
    ];
    var layout = {
      title: { text: "<b>warm</b>" },
      width: 480,
      height: 320,
      annotations: [{ text: "a<br>b", x: 0, y: 0, showarrow: false }],
    };
    return Plotly.newPlot(div, data, layout, { displaylogo: false }).then(function () {
      Plotly.purge(div);
      div.remove();
    });
  }

  /* Load the gl2d build (the WebGL maps) and draw the small figure off the page with it: a
     head start only (a figure that needs it loads it itself). */
  function warmGl2d() {
    return loadNamed("gl2d")
      .then(warmDraw)
      .catch(function () {
        // only a head start
      });
  }

  function whenIdle(then, timeout) {
    if (typeof requestIdleCallback === "function") {
      requestIdleCallback(then, { timeout: timeout });
    } else {
      setTimeout(then, 1000);
    }
  }

  function warmUp() {
    var voila = !!(document.body && document.body.hasAttribute("data-voila"));
    var ignore = function () {
      // only a head start: a figure shown later loads what it needs itself
    };
    var run = function () {
      loadNamed("basic")
        .then(warmDraw)
        .catch(ignore)
        .then(function () {
          if (!voila) {
            whenIdle(warmGl2d, 4000);
          }
        });
    };
    if (voila) {
      // at once: the kernel works while the build loads (its script runs when it arrives)
      afterKernelConnects(run);
    } else {
      whenIdle(run, 4000);
    }
  }

  /* Voila runs the notebook only once the page has connected to its kernel, and loading
     plotly.js holds the page's one thread for a moment: started before, it would hold
     the whole notebook back. So in Voila the warm-up waits for the page to open its kernel's
     connection (a resource under /api/kernels/; the kernel then runs the cells while
     plotly.js loads: at 54 contacts the page waited half a second for the first figures
     there, and loaded the basic build only once they came), or for the first output, or for
     10 s, whichever comes first. */
  function afterKernelConnects(then) {
    var done = false;
    var observer = null;
    var connected = null;
    var go = function () {
      if (!done) {
        done = true;
        if (observer) {
          observer.disconnect();
        }
        if (connected) {
          connected.disconnect();
        }
        then();
      }
    };
    var isKernel = function (entry) {
      return /\/api\/kernels\//.test(entry.name);
    };
    if (typeof performance !== "undefined" && performance.getEntriesByType) {
      if (performance.getEntriesByType("resource").some(isKernel)) {
        go();
        return;
      }
      if (typeof PerformanceObserver === "function") {
        connected = new PerformanceObserver(function (list) {
          if (list.getEntries().some(isKernel)) {
            go();
          }
        });
        connected.observe({ type: "resource" });
      }
    }
    var OUTPUT = ".jp-OutputArea-output";
    if (document.querySelector(OUTPUT) || typeof MutationObserver !== "function") {
      go();
      return;
    }
    observer = new MutationObserver(function () {
      if (document.querySelector(OUTPUT)) {
        go();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(go, 10000);
  }

  var figureClass = null;

  /* The figure renderer's class (a Lumino widget), made once per page. */
  function figureClassFor(Widget) {
    if (figureClass) {
      return figureClass;
    }
    class LeadnetFigure extends Widget {
      constructor(options) {
        super();
        this.addClass("jp-RenderedPlotly");
        this.addClass("leadnet-figure");
        this._mimeType = options.mimeType;
        this._Plotly = null;
        this._observer = null;
        this._attached = null;
        this._key = null;
        this._drawn = false;
        this._spec = null;
        this._dirty = false; // a newer output than the one drawn
        this._drawing = Promise.resolve();
        this._taken = false;
        this._draws = 0; // how many times it has been drawn or updated (data-draws)
        this.node.__leadnetFigure = this;
        // plotly draws into this element: a later output of the same figure can take it over
        this._gd = document.createElement("div");
        this.node.appendChild(this._gd);
      }

      async renderModel(model) {
        var spec = model.data[this._mimeType] || {};
        if (typeof spec === "string") {
          try {
            spec = JSON.parse(spec);
          } catch (err) {
            this.node.textContent = "This figure could not be drawn: its data is damaged.";
            return;
          }
        }
        this.node.removeAttribute("data-drawn");
        var about = (model.metadata && model.metadata[this._mimeType]) || {};
        var Plotly = await plotlyFor(spec, typeof about.plotlyjs === "string" ? about.plotlyjs : "");
        if (this.isDisposed) {
          return;
        }
        if (!Plotly) {
          this.node.textContent =
            "This figure could not be drawn: plotly's JupyterLab extension (jupyterlab-plotly, " +
            "installed with the plotly package 7.1 or newer) is missing from this server.";
          return;
        }
        if (!this.node.isConnected) {
          // drawn where it is shown, at its width: a figure drawn off the page takes plotly's
          // default width and has to be laid out again once shown
          await new Promise((resolve) => {
            this._attached = resolve;
          });
          if (this.isDisposed) {
            return;
          }
        }
        this._key = figureKey(spec);
        this._spec = spec;
        this._dirty = true;
        this._Plotly = Plotly;
        var height = (spec.layout && spec.layout.height) || 360;
        var taken = this._drawn ? null : takeKept(this._key);
        if (taken) {
          // the old drawing stays in view (and keeps the page from jumping) until updated
          this.node.replaceChild(taken, this._gd);
          this._gd = taken;
          this._taken = true;
        } else if (!this._drawn) {
          this.node.style.minHeight = height + "px"; // its place is kept while it waits
        }
        if (taken || this._drawn || onScreen(this.node)) {
          // a filter change: the drawing it has, or takes over, is updated as the figure
          // arrives, while the kernel still sends the next ones (asking where it is on the
          // page would lay the page out again for each figure)
          return this._drawNow();
        }
        waiting.add(this);
        watchWaiting(this);
        pump();
        return undefined; // drawn later: rendering the output does not wait for it
      }

      /* Draw (or update) the figure now, once, from the newest output. */
      _drawNow() {
        waiting.delete(this);
        if (seen) {
          seen.unobserve(this.node);
        }
        if (this.isDisposed || !this._dirty) {
          return this._drawing;
        }
        this._dirty = false;
        var spec = this._spec;
        var Plotly = this._Plotly;
        var layout = Object.assign({}, spec.layout || {});
        if (!layout.height) {
          layout.height = 360;
        }
        var gd = this._gd;
        var had = this._drawn || this._taken ? drewIt(gd, Plotly) : null;
        if (had && had !== Plotly) {
          had.purge(gd); // drawn by the other plotly.js: drawn again from nothing
        }
        var draw = had === Plotly ? Plotly.react : Plotly.newPlot;
        var self = this;
        var drawing = draw(gd, spec.data || [], layout, withPixelRatio(spec.config));
        this._drawing = Promise.resolve(drawing).then(function () {
          gd.__leadnetPlotly = Plotly;
          self._drawn = true;
          // which plotly.js drew it: a build's name ("basic", "gl2d") or "full"
          var build = BUILDS.find(function (b) {
            return loaded[b.name] === Plotly;
          });
          self.node.setAttribute("data-plotly", build ? build.name : "full");
          self.node.style.minHeight = "";
          // the figure is drawn: what tests and benchmarks wait for (a taken-over drawing
          // already shows traces before it is updated)
          self.node.setAttribute("data-drawn", "true");
          self._draws += 1;
          self.node.setAttribute("data-draws", String(self._draws));
          self._watch();
        });
        return this._drawing;
      }

      onAfterAttach(msg) {
        super.onAfterAttach(msg);
        if (this._attached) {
          var resolve = this._attached;
          this._attached = null;
          resolve();
        }
      }

      /* Resize (never redraw) when the figure's width is no longer the one plotly drew it
         at: a narrower window, a side panel opened, a scroll bar come with the figures
         below, a figure drawn before its page was shown. The width comes from the observer
         (read after layout): reading it when drawing would lay the page out once more per
         figure. */
      _watch() {
        if (this._observer || typeof ResizeObserver === "undefined") {
          return;
        }
        var self = this;
        var pending = false;
        var width = 0;
        this._observer = new ResizeObserver(function (entries) {
          width = entries[entries.length - 1].contentRect.width;
          if (pending) {
            return;
          }
          pending = true;
          requestAnimationFrame(function () {
            pending = false;
            var gd = self._gd;
            var drawn = gd._fullLayout && gd._fullLayout.width;
            var fixed = self._spec && self._spec.layout && self._spec.layout.width;
            if (!self.isDisposed && self._Plotly && width > 0 && !fixed && Math.abs(width - drawn) >= 1) {
              drewIt(gd, self._Plotly).Plots.resize(gd);
            }
          });
        });
        this._observer.observe(this.node);
      }

      dispose() {
        if (this.isDisposed) {
          return;
        }
        waiting.delete(this);
        if (seen) {
          seen.unobserve(this.node);
        }
        if (this._observer) {
          this._observer.disconnect();
          this._observer = null;
        }
        if (this._Plotly && (this._drawn || this._taken)) {
          if (this._key) {
            this._gd.remove();
            keep(this._key, this._gd, this._Plotly);
          } else {
            drewIt(this._gd, this._Plotly).purge(this._gd);
          }
        }
        super.dispose();
      }
    }

    figureClass = LeadnetFigure;
    return figureClass;
  }

  function makeExtension(Widget) {
    var LeadnetFigure = figureClassFor(Widget);

    /* The note to get the WebGL maps' plotly.js ready: it starts the load (after the output
       is shown) and draws nothing; its output area is hidden (hideNotes). */
    class PrepareNote extends Widget {
      constructor() {
        super();
        this.addClass("leadnet-prepare");
        this.node.setAttribute("aria-hidden", "true");
      }

      renderModel(model) {
        var note = model.data[PREPARE_MIME] || {};
        if (note.plotly === "webgl") {
          setTimeout(warmGl2d, 0);
        }
        return Promise.resolve();
      }
    }

    return [
      {
        id: "leadnet-plotly:renderer",
        rendererFactory: {
          safe: true,
          mimeTypes: [MIME],
          createRenderer: function (options) {
            return new LeadnetFigure(options);
          },
        },
        rank: 0,
        dataType: "json",
      },
      {
        id: "leadnet-plotly:prepare",
        rendererFactory: {
          safe: true,
          mimeTypes: [PREPARE_MIME],
          createRenderer: function () {
            return new PrepareNote();
          },
        },
        rank: 0,
        dataType: "json",
      },
    ];
  }

  /* The dashboard's panels as a widget of their own (leadnet_helpers.widgets.figure_panel,
     FigurePanel): a figure and its reading, updated in place when the kernel changes them.

     Why: a panel that is an ipywidgets Output is replaced whole on each filter change (the
     output area cleared, the new outputs added, the old drawing moved into the new one),
     and each move makes the browser work out the style and layout of the drawing's every
     element again before plotly.js can update it. At 500 contacts (Voila, headless
     Chromium, 2 cores) a filter change spent 200-290 ms in the six Plotly.react calls that
     took 140-160 ms on drawings left in place. Here the drawing never moves: the view keeps
     one LeadnetFigure and hands it each new figure, as an output would. */
  var WIDGET_VERSION = "1.0.0";

  function makeWidgets(Widget, base) {
    var LeadnetFigure = figureClassFor(Widget);

    class FigurePanelModel extends base.DOMWidgetModel {
      defaults() {
        return Object.assign({}, super.defaults(), {
          _model_name: "FigurePanelModel",
          _model_module: NAME,
          _model_module_version: WIDGET_VERSION,
          _view_name: "FigurePanelView",
          _view_module: NAME,
          _view_module_version: WIDGET_VERSION,
          figure: "",
          plotlyjs: "",
          reading: "",
        });
      }
    }

    class FigurePanelView extends base.DOMWidgetView {
      render() {
        this.el.classList.add("leadnet-figure-panel");
        this._figure = new LeadnetFigure({ mimeType: MIME });
        this._reading = document.createElement("div");
        // the reading: HTML the kernel escaped (leadnet_helpers.widgets.dashboard.reading_html)
        this._reading.className = "leadnet-figure-panel-reading jp-RenderedHTMLCommon";
        this.el.appendChild(this._figure.node);
        this.el.appendChild(this._reading);
        this.listenTo(this.model, "change", this._changed);
        this._read();
        this._draw();
        var self = this;
        this.displayed.then(function () {
          if (self._figure) {
            self._figure.onAfterAttach(null);
          }
        });
      }

      _changed() {
        var changed = this.model.changedAttributes() || {};
        if ("reading" in changed) {
          this._read();
        }
        if ("figure" in changed || "plotlyjs" in changed) {
          this._draw();
        }
      }

      _read() {
        this._reading.innerHTML = this.model.get("reading") || "";
      }

      _draw() {
        var text = this.model.get("figure");
        if (!text) {
          return;
        }
        var about = {};
        about[MIME] = { plotlyjs: this.model.get("plotlyjs") || "" };
        var data = {};
        data[MIME] = text;
        this._figure.renderModel({ data: data, metadata: about, trusted: true });
      }

      processLuminoMessage(msg) {
        super.processLuminoMessage(msg);
        if (msg.type === "after-attach" && this._figure) {
          // the figure waits to be on the page before it is drawn at its width
          this._figure.onAfterAttach(msg);
        }
      }

      remove() {
        if (this._figure) {
          this._figure.dispose();
          this._figure = null;
        }
        return super.remove();
      }
    }

    return {
      id: "leadnet-plotly:figure-panel",
      requires: [base.IJupyterWidgetRegistry],
      autoStart: true,
      activate: function (app, registry) {
        registry.registerWidget({
          name: NAME,
          version: WIDGET_VERSION,
          exports: { FigurePanelModel: FigurePanelModel, FigurePanelView: FigurePanelView },
        });
      },
    };
  }

  /* A module of the page's share scope once some extension has shared it (an extension's
     container may be set up before the one that shares the module is): looked for again
     every 50 ms, for 10 s at most. */
  async function sharedModuleSoon(name) {
    for (var waited = 0; ; waited += 50) {
      if (shared && shared[name] && Object.keys(shared[name]).length) {
        return sharedModule(name);
      }
      if (waited >= 10000) {
        throw new Error(NAME + ": the page shares no " + name);
      }
      await new Promise(function (resolve) {
        setTimeout(resolve, 50);
      });
    }
  }

  /* The output area of a note (PrepareNote) takes no room on the page. */
  function hideNotes() {
    if (typeof document === "undefined" || !document.head || document.getElementById(NAME + "-notes")) {
      return;
    }
    var style = document.createElement("style");
    style.id = NAME + "-notes";
    style.textContent = ".jp-OutputArea-child:has(.leadnet-prepare) { display: none; }";
    document.head.appendChild(style);
  }

  root._JUPYTERLAB = root._JUPYTERLAB || {};
  _JUPYTERLAB = root._JUPYTERLAB;
  root._JUPYTERLAB[NAME] = {
    init: function (shareScope) {
      shared = shareScope;
    },
    get: function (module) {
      if (module === "./extension") {
        return Promise.all([
          sharedModule("@lumino/widgets"),
          sharedModuleSoon("@jupyter-widgets/base"),
        ]).then(function (modules) {
          var plugin = makeWidgets(modules[0].Widget, modules[1]);
          return function () {
            return { __esModule: true, default: [plugin] };
          };
        });
      }
      if (module !== "./mimeExtension" && module !== "./index") {
        return Promise.reject(new Error("Module " + module + " does not exist in " + NAME));
      }
      return sharedModule("@lumino/widgets").then(function (widgets) {
        var extensions = makeExtension(widgets.Widget);
        hideNotes();
        setTimeout(warmUp, 0); // after the page's extensions are all registered
        return function () {
          return { __esModule: true, default: extensions };
        };
      });
    },
  };
})();
