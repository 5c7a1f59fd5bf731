import CLibFuzzer

/// Loads a target's fixed inputs (globals built once, such as a jurisdiction's schema) before fuzzing starts.
public enum FixedInputs {
  /// Runs `load` with LeakSanitizer's reporting off for what it allocates.
  ///
  /// Swift stores enum case tags in the spare bits of pointers, so LeakSanitizer cannot tell that a global schema
  /// still holds its indirect enum boxes and would report them as leaks; what is allocated here lives for the
  /// whole run anyway. Allocations made while fuzzing are still checked.
  public static func load(_ load: () -> Void) {
    __lsan_disable()
    load()
    __lsan_enable()
  }
}
