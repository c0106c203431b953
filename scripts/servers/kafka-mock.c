/*
 * kafka-mock: a Kafka broker for integration tests, from librdkafka's mock cluster
 * (rdkafka_mock.h, librdkafka-dev). No JVM, no ZooKeeper, no network beyond loopback.
 *
 *   kafka-mock [BROKERS]      (default 1 broker)
 *
 * Prints one line `bootstrap=HOST:PORT[,HOST:PORT...]` on stdout, then reads commands on stdin,
 * one a line, answering each with one line (`ok` or `error: ...`):
 *
 *   topic NAME PARTITIONS     create a topic (the mock has no CreateTopics admin API)
 *
 * Runs until stdin closes, SIGINT or SIGTERM; then destroys the cluster and exits 0.
 * The mock keeps everything in memory; this is a test fixture, never a production broker.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static volatile sig_atomic_t stopping = 0;

static void on_signal(int sig) {
  (void)sig;
  stopping = 1;
}

/* Runs one stdin command; answers with one line. */
static void run_command(rd_kafka_mock_cluster_t *mcluster, char *line) {
  char name[256];
  int partitions = 0;
  if (sscanf(line, "topic %255s %d", name, &partitions) == 2 && partitions > 0) {
    rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mcluster, name, partitions, 1);
    if (err) printf("error: %s\n", rd_kafka_err2str(err));
    else printf("ok\n");
  } else {
    printf("error: unknown command (expected: topic NAME PARTITIONS)\n");
  }
  fflush(stdout);
}

int main(int argc, char **argv) {
  int brokers = argc > 1 ? atoi(argv[1]) : 1;
  char errstr[512];
  if (brokers < 1) brokers = 1;

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal; /* no SA_RESTART: poll() returns EINTR on a signal */
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);

  /* The mock cluster needs an rd_kafka_t for its bookkeeping; a producer that never produces. */
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  if (rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
    fprintf(stderr, "kafka-mock: %s\n", errstr);
    return 1;
  }
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (!rk) {
    fprintf(stderr, "kafka-mock: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, brokers);
  if (!mcluster) {
    fprintf(stderr, "kafka-mock: could not create the mock cluster\n");
    rd_kafka_destroy(rk);
    return 1;
  }
  printf("bootstrap=%s\n", rd_kafka_mock_cluster_bootstraps(mcluster));
  fflush(stdout);

  char line[1024];
  size_t used = 0;
  while (!stopping) {
    struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
    int n = poll(&pfd, 1, 1000);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (n == 0) continue;
    ssize_t got = read(STDIN_FILENO, line + used, sizeof line - 1 - used);
    if (got <= 0) break; /* stdin closed: the parent is gone */
    used += (size_t)got;
    line[used] = '\0';
    char *newline;
    while ((newline = strchr(line, '\n')) != NULL) {
      *newline = '\0';
      run_command(mcluster, line);
      size_t rest = used - (size_t)(newline + 1 - line);
      memmove(line, newline + 1, rest);
      used = rest;
      line[used] = '\0';
    }
    if (used == sizeof line - 1) used = 0; /* an over-long line is dropped */
  }

  rd_kafka_mock_cluster_destroy(mcluster);
  rd_kafka_destroy(rk);
  return 0;
}
