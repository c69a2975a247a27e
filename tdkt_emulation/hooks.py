def post_init_hook(env):
    """Install Vietnamese with the addon: the documents it prints are the State's, worded in
    Vietnamese whatever the reader's language, titles and units included; without the
    language, their translated names would print in the user's."""
    install_vietnamese(env)


def install_vietnamese(env):
    """Activate Vietnamese and load its translations of the installed modules, unless it
    is active already (its translations were then loaded with each module)."""
    if env["res.lang"]._lang_get("vi_VN"):
        return
    env["res.lang"]._activate_lang("vi_VN")
    env["ir.module.module"].search(
        [("state", "in", ("installed", "to install", "to upgrade"))]
    )._update_translations(["vi_VN"])


def uninstall_hook(env):
    """Remove, before the addon's models go, what people made on them that Odoo's uninstall
    would leave behind or stumble on.

    - Activity plans of the addon's models: their steps may use the addon's activity types,
      which a step holds with ``ondelete='restrict'``, so the types could not be deleted
      and neither could the models of those types: their tables would stay.
    - Saved filters (favorites) and export lists of the addon's models: they name the
      model in a plain text column that nothing cleans up.
    """
    activity_types = (
        env["mail.activity.type"]
        .with_context(active_test=False)
        .search([("res_model", "=like", "tdkt.%")])
    )
    env["mail.activity.plan"].with_context(active_test=False).search(
        [("res_model", "=like", "tdkt.%")]
    ).unlink()
    env["mail.activity.plan.template"].search(
        [("activity_type_id", "in", activity_types.ids)]
    ).unlink()
    env["ir.filters"].with_context(active_test=False).search(
        [("model_id", "=like", "tdkt.%")]
    ).unlink()
    env["ir.exports"].search([("resource", "=like", "tdkt.%")]).unlink()
