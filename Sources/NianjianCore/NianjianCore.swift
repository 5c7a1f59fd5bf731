// NianjianCore.
