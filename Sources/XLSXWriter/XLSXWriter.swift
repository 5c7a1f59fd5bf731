// The XLSXWriter module.
