from .feedback import Feedback, FeedbackEvent
from .survey import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

__all__ = [
    "Feedback",
    "FeedbackEvent",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
]
