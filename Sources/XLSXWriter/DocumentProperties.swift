/// The core and extended document properties (File ▸ Properties in Excel / WPS).
///
/// The creation date is not here: it comes from ``WorkbookOptions/creationDate`` so that the
/// same inputs always give the same bytes.
public struct DocumentProperties: Hashable, Sendable {
  /// Title.
  public var title: String?
  /// Subject.
  public var subject: String?
  /// Author (creator).
  public var author: String?
  /// Manager.
  public var manager: String?
  /// Company.
  public var company: String?
  /// Category.
  public var category: String?
  /// Keywords.
  public var keywords: String?
  /// Comments (description).
  public var comments: String?
  /// Status.
  public var status: String?
  /// Base address for relative hyperlinks.
  public var hyperlinkBase: String?

  /// Properties; all empty by default.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
    company: String? = nil, category: String? = nil, keywords: String? = nil, comments: String? = nil,
    status: String? = nil, hyperlinkBase: String? = nil
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.manager = manager
    self.company = company
    self.category = category
    self.keywords = keywords
    self.comments = comments
    self.status = status
    self.hyperlinkBase = hyperlinkBase
  }
}
