"""To 18.0.1.3.0: the titles the addon ships say which column of the official statistics
(Biểu 0602, 0603) counts them; their data is not updated (noupdate), so a database that
had them gets the column here, unless it already set one."""

STATISTICS_GROUPS = {
    "title_cstd_province": "provincial_fighter",
    "title_cstd_national": "national_fighter",
    "title_flag_province": "provincial_flag",
    "title_merit_province": "provincial_merit",
    "title_merit_prime_minister": "prime_minister_merit",
    "title_labour_order_3": "order_medal",
}


def migrate(cr, version):
    for name, group in STATISTICS_GROUPS.items():
        cr.execute(
            """
            UPDATE tdkt_title
               SET statistics_group = %s
             WHERE statistics_group IS NULL
               AND id IN (SELECT res_id FROM ir_model_data
                           WHERE module = 'tdkt_emulation' AND model = 'tdkt.title'
                             AND name = %s)
            """,
            [group, name],
        )
