import Foundation
import PackagePlugin

/// Compiles the package's `intents/` into the intent matcher's tables at
/// build time, so that no run of `escalate` builds the matcher from the
/// files (which takes far longer than the rest of starting up).
///
/// The files are keyed as `EmbedDataPlugin` keys them for the catalog
/// (`intents/who_next.intent`), so that the fingerprint of the catalog's
/// intent files matches the compiled tables' exactly.
@main
struct CompileIntentsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "intents")
        let wanted: Set<String> = ["intent", "entity", "voc"]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var inputs = (enumerator?.compactMap { $0 as? URL } ?? []).filter { wanted.contains($0.pathExtension) }
            .map { (key: "intents/" + String($0.path.dropFirst(folder.path.count + 1)), url: $0) }
        inputs.sort { $0.key < $1.key }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledIntents.swift")
        return [
            .buildCommand(
                displayName: "Compiling the intent matcher from \(inputs.count) intent files",
                executable: try context.tool(named: "compile-intents").url,
                arguments: [output.path] + inputs.flatMap { [$0.key, $0.url.path] },
                inputFiles: inputs.map(\.url),
                outputFiles: [output]
            ),
        ]
    }
}
