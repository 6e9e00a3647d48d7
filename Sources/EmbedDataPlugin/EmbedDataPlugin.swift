import Foundation
import PackagePlugin

/// Builds the data files into the binary, so that an installed `escalate`
/// works from any directory: the YAML under the target's `Data/` folder and
/// the `.intent`, `.entity` and `.voc` files under the package's `intents/`.
///
/// The generated `EmbeddedFiles.swift` maps each file's path (relative to
/// its folder, e.g. `calendars/lumen.yaml` or `intents/who_next.intent`) to
/// its text.
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        var inputs: [(key: String, url: URL)] = []
        let folders = [
            (target.directoryURL.appending(path: "Data"), ""),
            (context.package.directoryURL.appending(path: "intents"), "intents/"),
        ]
        for (folder, prefix) in folders {
            for url in files(under: folder) {
                let relative = String(url.path.dropFirst(folder.path.count + 1))
                inputs.append((prefix + relative, url))
            }
        }
        inputs.sort { $0.key < $1.key }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [output.path]
        for input in inputs {
            arguments.append(input.key)
            arguments.append(input.url.path)
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data files in \(target.name)",
                executable: try context.tool(named: "embed-data").url,
                arguments: arguments,
                inputFiles: inputs.map(\.url),
                outputFiles: [output]
            ),
        ]
    }

    private func files(under folder: URL) -> [URL] {
        let wanted: Set<String> = ["yaml", "yml", "intent", "entity", "voc"]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { wanted.contains($0.pathExtension) }
    }
}
