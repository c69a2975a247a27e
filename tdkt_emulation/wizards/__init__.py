from . import tdkt_registration_return
