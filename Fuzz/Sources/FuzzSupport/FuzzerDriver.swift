import CLibFuzzer

/// Runs libFuzzer with this process's arguments and a one-input callback; returns its exit status.
///
/// SwiftPM links every executable with `main` aliased to `<Module>_main`, so each fuzz target defines that
/// symbol and calls this instead of relying on libFuzzer's own `main`.
public enum FuzzerDriver {
  /// Hands the command line to `LLVMFuzzerRunDriver`.
  public static func run(
    argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
    callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
  }
}
