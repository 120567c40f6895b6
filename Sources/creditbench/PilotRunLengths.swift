import ArgumentParser
import Foundation
import Harness

struct PilotRunLengths: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilot-run-lengths",
        abstract: "Choose each task's run length on pilot seeds that no claim analyses, for C3 and C7c at convergence.",
        discussion: """
        Trains the primary schemes of each task (sparse and the task's SCAR, which C3 compares; \
        ShapE-GRPO and GRPO, which C7c compares) on pilot seeds \(RunLengthPilots.firstSeed), \(RunLengthPilots.firstSeed + 1), \
        ... (--seeds of them; the analysed runs use seeds 0, 1, ..., so no pilot is ever analysed) at \
        L_max = twice the task's fixed length (full: sentiment 600 PPO steps of 32, summarization 200 x 32, \
        instructions 200 x 16, ShapE-GRPO 800 steps; --quick: twice the quick sizes), with every other \
        setting of the analysed runs but a finer held-out evaluation interval for the SCAR tasks \
        (every L_max / 60 steps, which changes no training step). For each candidate length L = L_max x {1/4, 3/8, 1/2, 5/8, 3/4, 7/8, 1} \
        (on the evaluation grid) each pilot truncated at L gives c(L) = L x (the least-squares slope of its \
        held-out reward over the last 20% of [0, L]), the change a further run as long would bring; the \
        chosen length is the shortest L from which on, at L and every longer candidate, for every primary \
        scheme, the mean of c(L) over the pilots is within +-tolerance, the task's C3 reward margin (5% of \
        the gap from the untrained policy to the attainable maximum), and L_max ("not shown at L_max") when \
        L_max itself fails. The analysed runs are later \
        put through the plateau check's TOST themselves.

        Writes the pilot runs to <output>/claims/pilots/<task>.csv (resumable curve stores; a rerun reuses \
        finished runs, --force retrains), and the choice to <output>/claims/run_lengths.json and \
        run_lengths.md (per task: chosen steps, batch, L_max, tolerance, pilot seeds, the mean projected \
        change of each scheme at every candidate, and whether the plateau was shown). \
        `creditbench reproduce --full` then trains every analysed run at those lengths. Progress goes to \
        standard error; the chosen lengths are printed.

        Examples:
          creditbench pilot-run-lengths --quick
          creditbench pilot-run-lengths --jobs 1
          creditbench pilot-run-lengths --tasks sentiment,shape_grpo --seeds 6
        """
    )

    @Flag(help: "Pilot at twice the quick sizes, into results/quick (a full claims run never uses these lengths).")
    var quick = false

    @Option(help: "Pilot seeds per scheme (at least 2), from \(RunLengthPilots.firstSeed) onward.")
    var seeds = 5

    @Option(help: ArgumentHelp("Tasks to pilot, comma-separated: SCAR tasks and shape_grpo (ShapE-GRPO on MovieLens).",
                               valueName: (SCARTask.allCases.map(\.rawValue) + ["shape_grpo"]).joined(separator: ",")))
    var tasks: String = (SCARTask.allCases.map(\.rawValue) + ["shape_grpo"]).joined(separator: ",")

    @Option(help: "Results folder; claims/ goes under it (default: results/quick with --quick, else results).")
    var output: String?

    @Option(help: "Pilot runs trained at once (default: the machine's cores); the runs do not depend on it.")
    var jobs: Int = OrderedParallel.machineCores

    @Flag(help: "Retrain every pilot run instead of reusing the stored ones.")
    var force = false

    func validate() throws {
        guard seeds >= 2 else { throw ValidationError("--seeds must be at least 2, got \(seeds)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try chosenTasks()
    }

    func run() throws {
        let (scarTasks, shapE) = try chosenTasks()
        let folder = URL(fileURLWithPath: output ?? (quick ? "results/quick" : "results")).appendingPathComponent("claims")
        do {
            let summary = try RunLengthPilots.run(quick: quick, seeds: seeds, jobs: jobs, force: force, folder: folder,
                                                  scarTasks: scarTasks, shapE: shapE)
            print(summary)
        } catch {
            throw CommandFailure("\(error) (finished pilot runs are kept in \(folder.appendingPathComponent("pilots").path))")
        }
        FileHandle.standardError.write(Data("wrote \(folder.path)/run_lengths.json and run_lengths.md\n".utf8))
    }

    /// The SCAR tasks `--tasks` names, and whether it names shape_grpo.
    func chosenTasks() throws -> (scar: [SCARTask], shapE: Bool) {
        var scar: [SCARTask] = []
        var shapE = false
        for name in tasks.split(separator: ",").map(String.init) {
            if name == "shape_grpo" {
                shapE = true
            } else if let task = SCARTask(rawValue: name) {
                scar.append(task)
            } else {
                throw ValidationError("unknown task '\(name)' in --tasks; expected \((SCARTask.allCases.map(\.rawValue) + ["shape_grpo"]).joined(separator: ", "))")
            }
        }
        return (scar, shapE)
    }
}
