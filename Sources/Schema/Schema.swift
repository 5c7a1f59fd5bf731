// The Schema module.
