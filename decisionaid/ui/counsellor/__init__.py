"""Counsellor mode: the step index, the presenter view, shared-screen tools and handouts."""
