internal import CXLSXWriter

/// Protection passwords: Excel's legacy 16-bit hash, as libxlsxwriter computes it.
enum Passwords {
  /// 1…15 printable ASCII characters, or `nil` (protection without a password).
  static func validate(_ password: String?, _ site: CallSite) throws {
    guard let password else { return }
    let printable = password.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    guard printable, (1...WriteLimits.maxPasswordCharacters).contains(password.unicodeScalars.count) else {
      throw site.error(
        .invalidPassword,
        "a protection password must be 1…\(WriteLimits.maxPasswordCharacters) printable ASCII characters "
          + "(libxlsxwriter 1.1.4 hashes other passwords wrongly)")
    }
  }

  /// The hash as libxlsxwriter writes it for sheets (`%X`).
  static func hash(_ password: String) -> String {
    String(lxw_hash_password(password), radix: 16, uppercase: true)
  }
}
