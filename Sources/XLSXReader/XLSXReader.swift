// The XLSXReader module.
