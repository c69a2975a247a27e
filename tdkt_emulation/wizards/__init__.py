from . import tdkt_registration_return
from . import tdkt_initiative_scoring
from . import tdkt_initiative_scoring_line
