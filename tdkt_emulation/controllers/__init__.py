from . import document
