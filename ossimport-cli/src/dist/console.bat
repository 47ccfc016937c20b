@echo off
rem console.bat: run the standalone ossimport step by step (see README.md).
rem   console.bat submit, start, stop, clean, stat, retry, diff or version
rem Works from any directory. import.bat calls this file for its steps.
rem console.sh mirrors this file: same verbs, messages and exit codes (ScriptParityTest).
setlocal EnableExtensions
set "OSSIMPORT_HOME=%~dp0"
set "OSSIMPORT_HOME=%OSSIMPORT_HOME:~0,-1%"
set "SYS_CONF=conf\sys.properties"
set "JOB_CONF=conf\local_job.cfg"
set "JAR=bin\ossimport2.jar"
rem Seconds `start` waits for the service to report that it runs.
set "START_TIMEOUT=60"
if defined OSSIMPORT_START_TIMEOUT set "START_TIMEOUT=%OSSIMPORT_START_TIMEOUT%"

if "%~1"=="" goto usage
rem submit --offline: accept the job without asking the destination first (no network here yet).
rem submit --dry-run: list what the job would import without submitting it.
set "SUBMIT_OPTS="
if /i "%~2"=="--offline" if /i "%~1"=="submit" set "SUBMIT_OPTS=--offline"
if /i "%~2"=="--dry-run" if /i "%~1"=="submit" set "SUBMIT_OPTS=--dry-run"
rem diff --checksum: compare CRC-64 too (a HEAD per object).
set "DIFF_OPTS="
if /i "%~2"=="--checksum" if /i "%~1"=="diff" set "DIFF_OPTS=--checksum"
if not "%~2"=="" if not defined SUBMIT_OPTS if not defined DIFF_OPTS goto usage
if not "%~3"=="" goto usage
set "VERB="
for %%v in (submit start stop clean stat retry diff version) do if /i "%~1"=="%%v" set "VERB=%%v"
rem _service: what the window that `start` opens runs (not for users).
if "%~1"=="_service" set "VERB=service"
if not defined VERB goto usage

rem Move to the package directory (%~dp0 keeps the \ of a drive root), check the configuration,
rem find Java, read JOB_NAME and JAVA_HEAP. Should cd fail, the configuration is not found.
cd /d "%~dp0"
if not exist logs mkdir logs
if exist "%SYS_CONF%" goto configured
echo Error: %OSSIMPORT_HOME%\%SYS_CONF% not found; restore it from the ossimport package.
exit /b 2
:configured
call :find_java
if not defined JAVA exit /b 2
call :read_key "%JOB_CONF%" jobName local_test JOB_NAME
call :read_key "%SYS_CONF%" javaHeapMaxSize 1024m JAVA_HEAP
goto verb_%VERB%

:verb_submit
rem A dry run submits nothing: its report goes to the console, not over the last submit's log.
rem (a label, not a block: exit /b inside parentheses under Wine's cmd lost the jar's code)
if "%SUBMIT_OPTS%"=="--dry-run" goto submit_dry_run
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" submit %SUBMIT_OPTS% "%JOB_CONF%" > logs\submit.log 2>&1
set "RC=%errorlevel%"
type logs\submit.log
exit /b %RC%
:submit_dry_run
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" submit --dry-run "%JOB_CONF%"
exit /b %errorlevel%

rem Opens a window that runs the service (its log also goes to logs\ossimport2.log) and waits until
rem the service reports that it runs, or prints why it did not start and exits with its code.
:verb_start
call :count_starts STARTS_BEFORE
if exist logs\service.rc del logs\service.rc
start "ossimport service" cmd /c call "%~f0" _service
set "WAITED=0"
:start_wait
if exist logs\service.rc goto start_ended
call :count_starts STARTS_NOW
if %STARTS_NOW% GTR %STARTS_BEFORE% goto start_done
if %WAITED% GEQ %START_TIMEOUT% goto start_slow
rem cmd has no sleep that works with redirected input; ping waits a second between two echoes.
ping -n 2 127.0.0.1 > nul
set /a WAITED+=1
goto start_wait
:start_done
echo Start import service completed.
exit /b 0
:start_slow
echo The import service is still starting; see logs\ossimport2.log.
exit /b 0
:start_ended
set "RC="
set /p RC=< logs\service.rc
type logs\service.err
if not defined RC exit /b 5
exit /b %RC%

rem The service window: runs the service until it stops, then leaves its exit code in
rem logs\service.rc for `start`. Its errors go to logs\service.err (cmd has no tee); every
rem warning and error is also in logs\ossimport2.log.
rem Unlike the original console.bat, javaHeapMaxSize of sys.properties is honoured.
:verb_service
"%JAVA%" -Xmx%JAVA_HEAP% -Xms32m -XX:+UseSerialGC -jar "%JAR%" -c "%SYS_CONF%" start --log-file logs\ossimport2.log 2> logs\service.err
set "RC=%errorlevel%"
type logs\service.err
> logs\service.rc.tmp echo %RC%
move /y logs\service.rc.tmp logs\service.rc > nul
exit /b %RC%

:verb_stop
rem The jar asks the service to stop gracefully, then ends its recorded PID.
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" stop
set "RC=%errorlevel%"
if not "%RC%"=="0" exit /b %RC%
echo Stop import service completed.
exit /b 0

:verb_clean
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" clean %JOB_NAME%
set "RC=%errorlevel%"
if not "%RC%"=="0" exit /b %RC%
echo Clean job:%JOB_NAME% completed.
exit /b 0

:verb_stat
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" stat detail
exit /b %errorlevel%

:verb_retry
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" retry %JOB_NAME% > logs\retry.log 2>&1
set "RC=%errorlevel%"
type logs\retry.log
if not "%RC%"=="0" exit /b %RC%
find "None failed tasks" logs\retry.log > nul
if errorlevel 1 echo Retry has been submitted.
exit /b 0

:verb_diff
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" diff %DIFF_OPTS% "%JOB_CONF%"
exit /b %errorlevel%

:verb_version
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" version
exit /b %errorlevel%

:usage
echo Usage: console.bat ^<command^>
echo   submit   submit the job of conf/local_job.cfg (submit --offline: without asking OSS first)
echo            (submit --dry-run: list what the job would import, submit nothing)
echo   start    start the import service in the background
echo   stop     stop the import service (gracefully, else by its recorded PID)
echo   clean    delete the job (jobName of conf/local_job.cfg) to run it again
echo   stat     show the job status
echo   retry    run the failed tasks of the job again
echo   diff     compare the source with OSS: missing, different, extra (diff --checksum: CRC-64 too)
echo   version  show the version
echo Exit codes: 0 ok, 1 usage, 2 configuration, 3 failed tasks or differences, 4 service state,
echo 5 runtime failure, 6 job exists or is unknown.
exit /b 1

rem Sets JAVA to JAVA_HOME\bin\java.exe (quotes and a trailing \ in JAVA_HOME do not matter), else
rem to java.exe on the PATH; else says what to do and leaves JAVA empty.
:find_java
set "JAVA="
set "JAVA_DIR="
if defined JAVA_HOME set "JAVA_DIR=%JAVA_HOME:"=%"
if not defined JAVA_DIR goto java_on_path
if "%JAVA_DIR:~-1%"=="\" set "JAVA_DIR=%JAVA_DIR:~0,-1%"
if exist "%JAVA_DIR%\bin\java.exe" set "JAVA=%JAVA_DIR%\bin\java.exe"
if defined JAVA goto :eof
echo Warning: JAVA_HOME=%JAVA_DIR% holds no Java; using java on the PATH.
:java_on_path
for %%j in (java.exe) do set "JAVA=%%~$PATH:j"
if defined JAVA goto :eof
echo Error: no Java found; set JAVA_HOME to a Java 8 or newer, or put its bin on the PATH.
goto :eof

rem Sets variable %1 to the number of times the service reported that it runs in its log.
:count_starts
set "%~1=0"
if not exist logs\ossimport2.log goto :eof
for /f "delims=" %%l in ('find "Import service started (pid " logs\ossimport2.log') do set /a %~1+=1
goto :eof

rem Sets variable %4 to the value of key %2 in file %1 (last one wins), or %3 when unset or empty.
:read_key
set "%~4=%~3"
if not exist "%~1" goto :eof
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("%~1") do call :match_key "%%a" "%%b" "%~2" "%~4"
goto :eof
:match_key
set "RK_KEY=%~1"
set "RK_KEY=%RK_KEY: =%"
if not "%RK_KEY%"=="%~3" goto :eof
set "RK_VALUE=%~2"
if not defined RK_VALUE goto :eof
set "RK_VALUE=%RK_VALUE: =%"
if defined RK_VALUE set "%~4=%RK_VALUE%"
goto :eof
