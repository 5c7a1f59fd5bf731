/// A district or city whose plans are monitored (`departments.yaml`, key `jurisdiction`).
public struct Jurisdiction: Sendable, Hashable {
  /// The ASCII id, equal to the folder name (`guandu`).
  public var id: String
  /// The short name (官渡区).
  public var name: String
  /// The full name (云南省昆明市官渡区), if given.
  public var fullName: String?
  /// The office that issues the forms (制定机关, usually the 统计局), if given.
  public var office: String?
  /// The women's and children's working committee (妇儿工委), if given.
  public var committee: String?
  /// The prefix of form numbers (表号): a template's number is `<prefix><year>-<n>`.
  public var formPrefix: String?
  /// The reporting deadline as text (次年2月底前), if given.
  public var deadline: String?
  /// Contact information as text, if given.
  public var contact: String?

  /// Creates a jurisdiction.
  public init(
    id: String, name: String, fullName: String? = nil, office: String? = nil, committee: String? = nil,
    formPrefix: String? = nil, deadline: String? = nil, contact: String? = nil
  ) {
    self.id = id
    self.name = name
    self.fullName = fullName
    self.office = office
    self.committee = committee
    self.formPrefix = formPrefix
    self.deadline = deadline
    self.contact = contact
  }
}

/// A member unit of the committee that reports data (报送部门), such as 区卫生健康局.
public struct Department: Sendable, Hashable, Identifiable {
  /// The ASCII id (`health`).
  public var id: String
  /// The name used in file names and form headers (区卫生健康局).
  public var name: String

  /// Creates a department.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
