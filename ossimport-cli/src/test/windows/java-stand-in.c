/*
 * A stand-in for java.exe, so that WindowsScriptIT runs the real console.bat and import.bat under
 * Wine's cmd: Wine starts a Linux java without waiting for it or passing its exit code, and no
 * Windows JDK can be had. Built with mingw-w64 by the test.
 *
 * Each run appends a line to %STANDIN_RECORD%: the working directory, then every argument in [].
 * The verb is the argument after "-c <file>"; it exits with %STANDIN_EXIT_<VERB>% (default 0),
 * printing "stand-in <verb>" and, on a non-zero code, an "Error: " line on stderr.
 * "start" plays the service: unless it fails, it waits %STANDIN_START_DELAY_MS%, writes the line
 * the real service writes once it runs (to stdout and the --log-file) unless %STANDIN_START_SILENT%
 * is set, then runs until the file %STANDIN_STOP% exists or %STANDIN_RUN_SECONDS% (default 60)
 * have passed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <windows.h>

static int env_int(const char *name, int fallback) {
  const char *value = getenv(name);
  return value && *value ? atoi(value) : fallback;
}

int main(int argc, char **argv) {
  char cwd[MAX_PATH];
  GetCurrentDirectoryA(sizeof cwd, cwd);
  const char *record = getenv("STANDIN_RECORD");
  if (record) {
    FILE *f = fopen(record, "a");
    if (f) {
      fprintf(f, "%s", cwd);
      for (int i = 1; i < argc; i++) fprintf(f, " [%s]", argv[i]);
      fprintf(f, "\n");
      fclose(f);
    }
  }
  const char *verb = "none";
  const char *log_file = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-c") == 0 && i + 2 < argc) verb = argv[i + 2];
    if (strcmp(argv[i], "--log-file") == 0 && i + 1 < argc) log_file = argv[i + 1];
  }
  char name[64] = "STANDIN_EXIT_";
  for (size_t i = 0; verb[i] && strlen(name) < sizeof name - 1; i++) {
    size_t n = strlen(name);
    name[n] = (char) toupper((unsigned char) verb[i]);
    name[n + 1] = 0;
  }
  int code = env_int(name, 0);
  printf("stand-in %s\n", verb);
  fflush(stdout);
  if (code != 0) {
    fprintf(stderr, "Error: stand-in %s failed with exit code %d.\n", verb, code);
    return code;
  }
  if (strcmp(verb, "start") != 0) return 0;
  Sleep(env_int("STANDIN_START_DELAY_MS", 0));
  if (!getenv("STANDIN_START_SILENT")) {
    char line[MAX_PATH + 100];
    snprintf(line, sizeof line, "[stand-in] [INFO] Import service started (pid %lu, working directory %s).\n",
             GetCurrentProcessId(), cwd);
    printf("%s", line);
    fflush(stdout);
    if (log_file) {
      FILE *f = fopen(log_file, "a");
      if (f) {
        fputs(line, f);
        fclose(f);
      }
    }
  }
  const char *stop = getenv("STANDIN_STOP");
  for (int waited = 0; waited < env_int("STANDIN_RUN_SECONDS", 60) * 10; waited++) {
    if (stop && GetFileAttributesA(stop) != INVALID_FILE_ATTRIBUTES) break;
    Sleep(100);
  }
  return 0;
}
