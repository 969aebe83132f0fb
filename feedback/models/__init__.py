from .feedback import Feedback, FeedbackEvent
from .rating import ServiceRating
from .survey import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

__all__ = [
    "Feedback",
    "FeedbackEvent",
    "ServiceRating",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
]
