"""nbgrader for a LeadNet class on a hub: the exchange every student and the instructor share.

TLJH: /opt/tljh/user/etc/jupyter/nbgrader_config.py; z2jh: /etc/jupyter/nbgrader_config.py in
the image (docs/hub/Dockerfile copies it). The course's own settings (assignments, the course
folder) are in course/nbgrader_config.py, in the instructor's copy of the course.
"""

c = get_config()  # type: ignore[name-defined]  # noqa: F821 (given by nbgrader)

# One course on this hub; its id names the folders in the exchange.
c.CourseDirectory.course_id = "leadnet"
# Release and collect go through this folder: writable by everyone, sticky (mode 1777).
c.Exchange.root = "/srv/nbgrader/exchange"
