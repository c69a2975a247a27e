from . import tdkt_registration_return
from . import tdkt_registration_submit
from . import tdkt_initiative_scoring
from . import tdkt_initiative_scoring_line
from . import tdkt_decision_cancel
from . import tdkt_eligibility_override
from . import tdkt_commendation_report
from . import tdkt_award_import
