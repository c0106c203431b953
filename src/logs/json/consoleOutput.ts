/**
 * Lines that are not JSON but are plainly the output of a tool people read topics with —
 * Apache Kafka's `kafka-console-consumer` — said as such, with how to get JSON records
 * instead (logs.md: `kcat -J` records are the kafka profile's). Only ever asked about a line
 * that failed to parse; pure.
 */

/** `CreateTime:1767607200000\tPartition:0\t…`: its `print.timestamp`/`print.partition`/`print.offset`/`print.headers` prefixes. */
const PRINTED_PROPERTIES = /^(?:(?:CreateTime|LogAppendTime):-?\d+|NO_TIMESTAMP|NoTimestampType:-?\d+|Partition:\d+|Offset:\d+)\t/;
/** `key\t{…}`: `print.key=true` before a JSON value. */
const KEY_THEN_JSON = /^[^\t{["]*\t[{[]/;
/** The summary it writes to stderr when it stops. */
const SUMMARY = /^Processed a total of \d+ messages?$/;

const INSTEAD = 'read the topic with `kcat -C -J` instead (JSON records), or print the values alone';

/** What a line that is not JSON is, when it is kafka-console-consumer's output; else undefined. */
export function consoleOutputLine(text: string): string | undefined {
  if (PRINTED_PROPERTIES.test(text)) return `kafka-console-consumer output, its printed properties (CreateTime, Partition, Offset…) before the value: ${INSTEAD}`;
  if (SUMMARY.test(text.trim())) return "this is kafka-console-consumer's closing summary (written to stderr): redirect only its standard output to the file";
  if (KEY_THEN_JSON.test(text)) return `a key and a tab come before the JSON value (kafka-console-consumer with print.key=true?): ${INSTEAD}`;
  return undefined;
}
