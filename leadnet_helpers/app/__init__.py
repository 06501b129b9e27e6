"""View models of the notebooks: the state and the operations behind each view.

Every module here is plain Python (no ipywidgets): a view in
:mod:`leadnet_helpers.widgets` shows one of these models and calls its
operations; views that must follow a change observe a model's traits
(``revision``) instead of telling each other. One model per open
:class:`~leadnet_helpers.store.Workspace` object, kept weakly (forgotten with it).

- :mod:`.workspace` -- the open workspace as the views see it (its contacts, a change counter)
- :mod:`.board` -- notebook 02's classification board (build, filter, page, confirm, answer)
- :mod:`.triage` -- the triage queue and the answers to its questions
- :mod:`.contacts` -- the contacts table (search, page, edit, delete, undo)
- :mod:`.ties` -- who knows whom (the contact chosen, the others ticked, saved)
- :mod:`.importing` -- importing uploaded exports, each file all or nothing
- :mod:`.introductions` -- how we met: the introduction counts
- :mod:`.prompt_forms` -- what the name-generator forms offer
- :mod:`.start` -- the profile form, checked
- :mod:`.dashboard` -- the dashboard's filters -> analysis -> figures
- :mod:`.plan_editor` -- editing the plan's actions
- :mod:`.review` -- the review of notebook 05 (log, snapshot, compare, actions)
- :mod:`.share` -- share with my coach (offers, asks, preview, write)
"""
