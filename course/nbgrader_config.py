"""nbgrader's settings for the LeadNet course pack (run nbgrader from this folder).

The assignments live in ``source/<assignment>/``; ``nbgrader generate_assignment NAME``
writes the students' version to ``release/``, ``nbgrader autograde NAME`` grades what is in
``submitted/<student>/NAME``. nbgrader needs its environment's ``bin/`` on ``PATH`` (it runs
``alembic``). See README.md in this folder.
"""

c = get_config()  # noqa: F821 (nbgrader defines it when it reads this file)

c.CourseDirectory.course_id = "leadnet"
# Each notebook opens a sample persona and analyses it: give a slow machine time.
c.ExecutePreprocessor.timeout = 300

# On a JupyterHub, release and collect go through a folder every user can reach:
# c.Exchange.root = "/srv/nbgrader/exchange"
