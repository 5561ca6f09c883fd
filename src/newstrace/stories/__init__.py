"""Stories: articles grouped through their relations, each with an origin, a date and a label."""

from newstrace.stories.build import build_stories, dated_by_its_day, story_dates

__all__ = ["build_stories", "dated_by_its_day", "story_dates"]
