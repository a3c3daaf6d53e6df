"""The app's core: content, session, policy, config and export. Never imports Qt."""
