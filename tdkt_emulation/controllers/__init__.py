from . import main
from . import document
