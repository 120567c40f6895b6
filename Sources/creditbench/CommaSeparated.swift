import ArgumentParser

/// An option value that lists several `Element`s separated by commas ("2,10,50"), parsed by
/// ArgumentParser itself: an element that does not parse makes the whole value invalid, with
/// ArgumentParser's one-line error naming the option.
struct CommaSeparated<Element: ExpressibleByArgument>: ExpressibleByArgument {
    let elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    init?(argument: String) {
        var elements: [Element] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let element = Element(argument: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            elements.append(element)
        }
        guard !elements.isEmpty else { return nil }
        self.elements = elements
    }

    var defaultValueDescription: String {
        elements.map { $0.defaultValueDescription }.joined(separator: ",")
    }
}
