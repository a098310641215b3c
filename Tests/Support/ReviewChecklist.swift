import CLibXML2
import CZlib
import Foundation

/// A reviewer's checklist kept as an Excel workbook (sh-justice-2026-dept-budget-review.xlsx):
/// the texts of its cells, so that a test can hold the extractor to what the reviewer wrote
/// rather than to a transcription of it. An .xlsx file is a zip archive of XML parts; the cell
/// texts are the workbook's shared strings (xl/sharedStrings.xml), inflated with zlib and parsed
/// with libxml2.
public enum ReviewChecklist {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every shared string of the workbook, in order (a string's rich-text runs joined).
    public static func cellTexts(ofWorkbookAt url: URL) throws -> [String] {
        let archive = try Data(contentsOf: url)
        return try sharedStrings(in: try ZipArchive(archive).entry(named: "xl/sharedStrings.xml"))
    }

    /// The <si> items of a shared-strings part: the text of their <t> runs, leaving out the
    /// phonetic guides (<rPh>) that may ride along.
    static func sharedStrings(in xml: Data) throws -> [String] {
        let document = xml.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                          "sharedStrings.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }
        guard let document else { throw Failure(description: "xl/sharedStrings.xml is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        return elements(named: "si", under: xmlDocGetRootElement(document)).map { item in
            texts(under: item).joined()
        }
    }

    /// The direct children of `parent` with this local name.
    static func elements(named name: String, under parent: xmlNodePtr?) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = parent?.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == name { result.append(node) }
            child = node.pointee.next
        }
        return result
    }

    /// The contents of the <t> elements below `node`, in document order, outside <rPh>.
    static func texts(under node: xmlNodePtr) -> [String] {
        var result: [String] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch String(cString: current.pointee.name) {
                case "t":
                    if let content = xmlNodeGetContent(current) {
                        result.append(String(cString: content))
                        gk_xml_free(content)
                    }
                case "rPh":
                    break
                default:
                    result += texts(under: current)
                }
            }
            child = current.pointee.next
        }
        return result
    }
}

/// The entries of a zip archive, found through its central directory.
struct ZipArchive {
    let data: Data

    init(_ data: Data) throws {
        guard data.count >= 22 else { throw ReviewChecklist.Failure(description: "not a zip archive (too short)") }
        self.data = data
    }

    /// The uncompressed contents of the entry `name` (stored, or deflated).
    func entry(named name: String) throws -> Data {
        let directory = try endOfCentralDirectory()
        var offset = Int(uint32(at: directory + 16))
        for _ in 0..<Int(uint16(at: directory + 10)) {
            guard uint32(at: offset) == 0x0201_4b50 else { break }
            let nameLength = Int(uint16(at: offset + 28))
            let entryName = String(decoding: data[data.startIndex + offset + 46 ..< data.startIndex + offset + 46 + nameLength], as: UTF8.self)
            if entryName == name {
                return try contents(method: uint16(at: offset + 10), compressedSize: Int(uint32(at: offset + 20)),
                                    size: Int(uint32(at: offset + 24)), localHeader: Int(uint32(at: offset + 42)))
            }
            offset += 46 + nameLength + Int(uint16(at: offset + 30)) + Int(uint16(at: offset + 32))
        }
        throw ReviewChecklist.Failure(description: "no \(name) in the archive")
    }

    /// The end-of-central-directory record: the last signature PK\5\6 (a comment may follow it).
    func endOfCentralDirectory() throws -> Int {
        var offset = data.count - 22
        while offset >= max(0, data.count - 22 - 65_535) {
            if uint32(at: offset) == 0x0605_4b50 { return offset }
            offset -= 1
        }
        throw ReviewChecklist.Failure(description: "not a zip archive (no central directory)")
    }

    func contents(method: UInt16, compressedSize: Int, size: Int, localHeader: Int) throws -> Data {
        guard uint32(at: localHeader) == 0x0403_4b50 else { throw ReviewChecklist.Failure(description: "damaged zip entry") }
        let start = localHeader + 30 + Int(uint16(at: localHeader + 26)) + Int(uint16(at: localHeader + 28))
        let stored = data[data.startIndex + start ..< data.startIndex + start + compressedSize]
        switch method {
        case 0: return Data(stored)
        case 8: return try inflate(Data(stored), size: size)
        default: throw ReviewChecklist.Failure(description: "zip compression method \(method) is not supported")
        }
    }

    /// A raw deflate stream inflated to its known size.
    func inflate(_ input: Data, size: Int) throws -> Data {
        var output = Data(count: size)
        var stream = z_stream()
        guard gk_inflate_init_raw(&stream) == Z_OK else { throw ReviewChecklist.Failure(description: "zlib would not start") }
        defer { inflateEnd(&stream) }
        var input = input
        let status = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else {
            throw ReviewChecklist.Failure(description: "a zip entry does not inflate (zlib status \(status))")
        }
        return output
    }

    func uint16(at offset: Int) -> UInt16 {
        UInt16(data[data.startIndex + offset]) | UInt16(data[data.startIndex + offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }
}
