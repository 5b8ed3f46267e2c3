package io.streambench.cli;

import io.streambench.driver.RunOutcome;
import io.streambench.driver.gateway.GatewayRun;
import io.streambench.driver.limits.LimitOutcome;
import io.streambench.driver.limits.LimitPlan;
import io.streambench.report.LimitsJson;
import io.streambench.report.RunReport;
import io.streambench.report.SummaryTable;
import io.streambench.report.folder.RunJson;
import io.streambench.report.html.HtmlReport;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The end of a run once its load stopped: the gateway's and the search's figures, the run folder's last files
 * ({@code run.json}'s results, {@code report.html}) and what the console shows (why it stopped early, the summary
 * table, the search's answer, the gateway's figures, the report's path).
 */
final class RunEnding {

    private RunEnding() {
    }

    /**
     * @param driverJson run.json's driver section, to which the gateway's figures are added
     * @param gateway    the gateway run, or null
     * @param plan       the sweep or search that chose the stages, or null
     */
    static RunSession.Result finish(PrintStream console, RunReport report, RunOutcome outcome,
            RunJson.Driver driverJson, GatewayRun gateway, LimitPlan plan) {
        if (outcome.earlyStop() != null) {
            console.println(StopLine.of(outcome.earlyStop()));
        }
        GatewayRun.Finished gatewayFigures = gateway == null ? null : gateway.finish(report.dir(), console,
                outcome.interrupted() || outcome.earlyStop() != null,
                System.currentTimeMillis() - (System.nanoTime() - report.startNanos()) / 1_000_000);
        LimitOutcome found = plan == null ? null : plan.outcome();
        report.finish(outcome, gatewayFigures == null ? driverJson : new RunJson.Driver(driverJson.driverId(),
                driverJson.driverIndex(), driverJson.startAt(), driverJson.clientWarmup(), driverJson.mockServer(),
                driverJson.tls(), RunJson.treeOf(gatewayFigures.json())), LimitsJson.of(found));
        writeHtml(console, report.dir());
        SummaryTable.print(console, report.stages());
        if (found != null) {
            console.println(found.line());
        }
        if (gatewayFigures != null) {
            gatewayFigures.print(console);
        }
        boolean interrupted = outcome.interrupted() && outcome.earlyStop() == null;
        console.println((interrupted ? "interrupted; " : "") + "report: " + report.dir().toAbsolutePath());
        console.flush();
        return new RunSession.Result(report.dir(), outcome, report.stages());
    }

    /** report.html from the files just written; a failure here costs the page, never the run's data. */
    private static void writeHtml(PrintStream console, Path dir) {
        try {
            HtmlReport.render(dir);
        } catch (RuntimeException | LinkageError e) {
            console.println("run: " + HtmlReport.FILE + " not written: " + e);
        }
    }
}
