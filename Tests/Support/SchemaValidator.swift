import Foundation
import GongkaiEmit

/// Checks a JSON value against a JSON Schema, for the subset of draft 2020-12 that
/// schema/gongkai.report-1.schema.json uses: type (with null), const, enum, properties,
/// required, additionalProperties, items, minimum, maximum, pattern and local $ref.
public struct SchemaValidator: Sendable {
    let root: JSONValue

    public init(schema: JSONValue) { root = schema }

    /// Every violation, as "path: reason"; empty when the value conforms.
    public func violations(of value: JSONValue) -> [String] {
        check(value, against: root, path: "$")
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue, reference.hasPrefix("#/") else { return schema }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") { node = node[String(part)] ?? .null }
        return node
    }

    private func check(_ value: JSONValue, against rawSchema: JSONValue, path: String) -> [String] {
        let schema = resolve(rawSchema)
        var problems: [String] = []
        if let constant = schema["const"], constant != value { problems.append("\(path): must be \(constant.serialized(pretty: false))") }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            problems.append("\(path): \(value.serialized(pretty: false)) is not one of the allowed values")
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            if !allowed.contains(where: { matches(value, type: $0) }) {
                problems.append("\(path): expected \(allowed.joined(separator: " or "))")
                return problems
            }
        }
        switch value {
        case .object(let members):
            let properties = schema["properties"]?.objectValue ?? []
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            where !members.contains(where: { $0.0 == required }) {
                problems.append("\(path): missing \(required)")
            }
            for (key, member) in members {
                if let property = properties.first(where: { $0.0 == key })?.1 {
                    problems += check(member, against: property, path: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        problems.append("\(path): unexpected \(key)")
                    } else if additional.objectValue != nil {
                        problems += check(member, against: additional, path: "\(path).\(key)")
                    }
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { problems += check(item, against: itemSchema, path: "\(path)[\(index)]") }
            }
        case .number(let text):
            if let minimum = schema["minimum"]?.numberText.flatMap(Double.init), let number = Double(text), number < minimum {
                problems.append("\(path): below \(minimum)")
            }
            if let maximum = schema["maximum"]?.numberText.flatMap(Double.init), let number = Double(text), number > maximum {
                problems.append("\(path): above \(maximum)")
            }
        case .string(let text):
            if let pattern = schema["pattern"]?.stringValue,
               text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \"\(text)\" does not match \(pattern)")
            }
        default:
            break
        }
        return problems
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (value, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"): return true
        case (.number, "number"): return true
        case (.number(let text), "integer"): return !text.contains(".") && !text.contains("e") && !text.contains("E")
        default: return false
        }
    }
}
