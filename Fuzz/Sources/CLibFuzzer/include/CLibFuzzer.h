#ifndef NIANJIAN_CLIBFUZZER_H
#define NIANJIAN_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in compiler-rt's libclang_rt.fuzzer, linked by `-sanitize=fuzzer`): parses the
/// command line and runs `callback` on each input. Called from the executable's entry point, because SwiftPM
/// renames `main` (`--defsym main=<Module>_main`) and libFuzzer's own `main` is then never linked.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// LeakSanitizer (in the AddressSanitizer runtime): allocations made between these two calls are never reported.
/// The targets load their fixed inputs (a jurisdiction's schema) between them, before fuzzing starts: Swift keeps
/// enum case tags in the spare bits of pointers, so LeakSanitizer does not see that a global still holds them.
void __lsan_disable(void);
void __lsan_enable(void);
#endif
