"""Stories: articles grouped through their relations, each with an origin, a date and a label."""

from newstrace.stories.build import build_stories, story_dates

__all__ = ["build_stories", "story_dates"]
