@echo off
rem import.bat: one-key import (see README.md). Submits conf\local_job.cfg, starts the service,
rem prints the job status until the job ends, offers to retry failed tasks and to stop the service.
rem import.sh mirrors this file: same flags and the same import command of the jar, which holds the
rem prompts and messages (ImportCommand; ScriptParityTest).
setlocal EnableExtensions
set "OSSIMPORT_HOME=%~dp0"
set "OSSIMPORT_HOME=%OSSIMPORT_HOME:~0,-1%"
set "SYS_CONF=conf\sys.properties"
set "JOB_CONF=conf\local_job.cfg"
set "JAR=bin\ossimport2.jar"
rem Seconds between two status reports.
set "POLL_SECONDS=10"
if defined OSSIMPORT_POLL_SECONDS set "POLL_SECONDS=%OSSIMPORT_POLL_SECONDS%"

set "JOB_MODE="
set "RETRIES="
set "STOP_MODE="
set "SUBMIT_OPTS="
:parse_args
if "%~1"=="" goto args_done
if /i "%~1"=="--resume" goto opt_resume
if /i "%~1"=="--restart" goto opt_restart
if /i "%~1"=="--retry" goto opt_retry
if /i "%~1"=="--no-retry" goto opt_no_retry
if /i "%~1"=="--stop" goto opt_stop
if /i "%~1"=="--no-stop" goto opt_no_stop
if /i "%~1"=="--offline" goto opt_offline
if /i "%~1"=="-h" goto help
if /i "%~1"=="--help" goto help
goto bad_usage
:opt_resume
set "JOB_MODE=--resume"
goto next_arg
:opt_restart
set "JOB_MODE=--restart"
goto next_arg
:opt_retry
set "RETRIES=%~2"
if not defined RETRIES goto bad_usage
for /f "delims=0123456789" %%c in ("%RETRIES%") do goto bad_usage
shift
goto next_arg
:opt_no_retry
set "RETRIES=0"
goto next_arg
:opt_stop
set "STOP_MODE=--stop"
goto next_arg
:opt_no_stop
set "STOP_MODE=--no-stop"
goto next_arg
:opt_offline
set "SUBMIT_OPTS=--offline"
goto next_arg
:next_arg
shift
goto parse_args

:args_done
rem %~dp0 keeps the \ of a drive root.
cd /d "%~dp0"
if not exist logs mkdir logs
if exist "%SYS_CONF%" goto configured
echo Error: %OSSIMPORT_HOME%\%SYS_CONF% not found; restore it from the ossimport package.
exit /b 2
:configured
call :find_java
if not defined JAVA exit /b 2
call :read_key "%JOB_CONF%" jobName local_test JOB_NAME

rem One JVM submits (asking what to do with an existing job), starts the service through
rem console.bat, follows the job until it ends, offers retries and the stop: see ImportCommand.
set "RETRY_OPTS="
if defined RETRIES set "RETRY_OPTS=--retry %RETRIES%"
rem C1 only, serial collector, small initial heap: this JVM mostly waits (as console.sh's run_jar).
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -jar "%JAR%" -c "%SYS_CONF%" import --job %JOB_NAME% --console console.bat --interval %POLL_SECONDS% %JOB_MODE% %RETRY_OPTS% %STOP_MODE% %SUBMIT_OPTS% "%JOB_CONF%"
exit /b %errorlevel%

:help
call :usage
exit /b 0
:bad_usage
call :usage
exit /b 1
:usage
echo Usage: import.bat [--resume ^| --restart] [--retry N ^| --no-retry] [--stop ^| --no-stop] [--offline]
echo   --resume    if the job exists, resume it from the last breakpoint without asking
echo   --restart   if the job exists, clean it and start again without asking
echo   --retry N   retry failed tasks up to N times without asking
echo   --no-retry  never retry failed tasks
echo   --stop      stop the import service at the end without asking
echo   --no-stop   leave the import service running at the end
echo   --offline   submit without asking OSS first whether it accepts the job
echo Exit codes: 0 every file imported, 1 declined or usage, 2 configuration,
echo 3 some files failed, 4 service state, 5 runtime failure.
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
