import Foundation
import NianjianCore

/// The reason an operation failed, in `language`: the tool's own errors speak both languages; any other error
/// gives the system's description.
func reason(of error: any Error, _ language: Language) -> String {
  switch error {
  case let error as StoreError: return error.message.text(language)
  case let error as FormsError: return error.message(language)
  default: return error.localizedDescription
  }
}
