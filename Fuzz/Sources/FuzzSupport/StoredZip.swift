/// A minimal zip writer: every entry stored (no compression), with CRC-32, no extra fields, no zip64.
///
/// Enough to wrap fuzzed XML parts in a package the reader accepts, without depending on libzip here.
public enum StoredZip {
  /// The zip bytes holding these entries in this order.
  public static func make(_ entries: [(name: String, content: [UInt8])]) -> [UInt8] {
    var archive: [UInt8] = []
    var directory: [UInt8] = []
    for entry in entries {
      let name = Array(entry.name.utf8)
      let crc = crc32(entry.content)
      let offset = UInt32(archive.count)
      // Local file header.
      append32(&archive, 0x0403_4B50)
      append16(&archive, 20)  // version needed
      append16(&archive, 0x0800)  // flags: UTF-8 names
      append16(&archive, 0)  // stored
      append16(&archive, 0)  // time
      append16(&archive, 0x21)  // date: 1980-01-01
      append32(&archive, crc)
      append32(&archive, UInt32(entry.content.count))
      append32(&archive, UInt32(entry.content.count))
      append16(&archive, UInt16(name.count))
      append16(&archive, 0)  // extra length
      archive += name
      archive += entry.content
      // Central directory header.
      append32(&directory, 0x0201_4B50)
      append16(&directory, 20)  // version made by
      append16(&directory, 20)
      append16(&directory, 0x0800)
      append16(&directory, 0)
      append16(&directory, 0)
      append16(&directory, 0x21)
      append32(&directory, crc)
      append32(&directory, UInt32(entry.content.count))
      append32(&directory, UInt32(entry.content.count))
      append16(&directory, UInt16(name.count))
      append16(&directory, 0)  // extra
      append16(&directory, 0)  // comment
      append16(&directory, 0)  // disk
      append16(&directory, 0)  // internal attributes
      append32(&directory, 0)  // external attributes
      append32(&directory, offset)
      directory += name
    }
    let directoryOffset = UInt32(archive.count)
    archive += directory
    // End of central directory.
    append32(&archive, 0x0605_4B50)
    append16(&archive, 0)
    append16(&archive, 0)
    append16(&archive, UInt16(entries.count))
    append16(&archive, UInt16(entries.count))
    append32(&archive, UInt32(directory.count))
    append32(&archive, directoryOffset)
    append16(&archive, 0)
    return archive
  }

  private static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
    bytes.append(UInt8(value & 0xFF))
    bytes.append(UInt8(value >> 8))
  }

  private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }

  private static let crcTable: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  /// The CRC-32 (IEEE 802.3) that zip stores for each entry.
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
