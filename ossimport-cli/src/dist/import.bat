@echo off
rem import.bat: one-key import (see README.md). Submits conf\local_job.cfg, starts the service,
rem prints the job status until the job ends, offers to retry failed tasks and to stop the service.
rem import.sh mirrors this file: same flags, prompts, messages and exit codes (ScriptParityTest).
setlocal EnableExtensions
set "OSSIMPORT_HOME=%~dp0"
set "OSSIMPORT_HOME=%OSSIMPORT_HOME:~0,-1%"
set "SYS_CONF=conf\sys.properties"
set "JOB_CONF=conf\local_job.cfg"
set "JAR=bin\ossimport2.jar"
set "CONSOLE=%OSSIMPORT_HOME%\console.bat"
rem Output of one step, shown and logged once the step ends (cmd has no tee).
set "STEP_OUT=%TEMP%\ossimport-step-%RANDOM%.out"
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
set "JOB_MODE=resume"
goto next_arg
:opt_restart
set "JOB_MODE=restart"
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
set "STOP_MODE=yes"
goto next_arg
:opt_no_stop
set "STOP_MODE=no"
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
call :say ==== import %date% %time% ====

rem 1. Submit; when the job exists, resume it or clean it and submit again.
:submit
call "%CONSOLE%" submit %SUBMIT_OPTS% > nul 2>&1
set "RC=%errorlevel%"
call :say_file logs\submit.log
if "%RC%"=="6" goto job_exists
if not "%RC%"=="0" exit /b %RC%
goto start_service
:job_exists
set "MODE=%JOB_MODE%"
if defined MODE goto mode_chosen
call :ask "A migration job with the same name existed. Enter [r] to resume it from the last breakpoint, [c] to clean it and start again, or [q] to quit (r/c/q)? " "r c q" "Answer r, c or q."
set "MODE=quit"
if "%ANSWER%"=="r" set "MODE=resume"
if "%ANSWER%"=="c" set "MODE=restart"
:mode_chosen
if "%MODE%"=="resume" goto resume
if "%MODE%"=="restart" goto restart
call :say Import cancelled.
exit /b 1
:resume
call :say Resume job:%JOB_NAME% from the last breakpoint.
goto start_service
:restart
call "%CONSOLE%" stop >> logs\import.log 2>&1
call "%CONSOLE%" clean > "%STEP_OUT%" 2>&1
set "RC=%errorlevel%"
call :say_file "%STEP_OUT%"
del "%STEP_OUT%"
if not "%RC%"=="0" exit /b %RC%
rem a second refusal after a clean means another process submitted it
set "JOB_MODE=resume"
goto submit

rem 2. Start the service in a new window (a service already running on this package is fine).
rem Not redirected: the window would inherit the redirected handle.
:start_service
call "%CONSOLE%" start
set "RC=%errorlevel%"
if "%RC%"=="4" goto already_running
if not "%RC%"=="0" exit /b %RC%
goto follow_job
:already_running
call :say The import service is already running.
:follow_job

rem 3. Report the status every POLL_SECONDS until the job ends: one Java process follows the job
rem (the reports go to the console, logs\import.log and, the latest, logs\job_stat.log) and returns
rem as soon as the job ends, with stat's exit code. Offer to retry failed tasks.
if exist logs\import.rate del logs\import.rate
:follow
if exist logs\job_stat.log del logs\job_stat.log
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" stat detail --job %JOB_NAME% --progress --rate-file logs\import.rate --follow --interval %POLL_SECONDS% --log-file logs\import.log --status-file logs\job_stat.log 2> "%STEP_OUT%"
set "RC=%errorlevel%"
call :say_file "%STEP_OUT%"
del "%STEP_OUT%"
if "%RC%"=="0" goto succeeded
if "%RC%"=="3" goto failed
if "%RC%"=="4" goto service_stopped
if "%RC%"=="1" exit /b 1
if "%RC%"=="2" exit /b 2
if "%RC%"=="6" exit /b 6
find "JobState:Abort" logs\job_stat.log > nul 2>&1
if not errorlevel 1 goto aborted
exit /b 5

:succeeded
call :say Import to oss completed.
set "CODE=0"
goto finish

:failed
call :say The job finished with failed tasks; the reasons are in master\jobs\%JOB_NAME%\failed_tasks\*\audit.log.
if not defined RETRIES goto ask_retry
if %RETRIES% GTR 0 goto auto_retry
set "CODE=3"
goto finish
:auto_retry
set /a RETRIES-=1
goto do_retry
:ask_retry
call :ask "Retry the failed tasks, Yes or No: " "y yes n no" "Answer yes or no."
if "%ANSWER%"=="y" goto do_retry
if "%ANSWER%"=="yes" goto do_retry
set "CODE=3"
goto finish
:do_retry
call "%CONSOLE%" retry > "%STEP_OUT%" 2>&1
call :say_file "%STEP_OUT%"
del "%STEP_OUT%"
goto follow

:aborted
call :say Error: the job was aborted; see logs\ossimport2.log.
set "CODE=5"
goto finish

:service_stopped
call :say Error: the import service stopped before the job finished; see logs\ossimport2.log.
exit /b 5

rem Stops the service when --stop was given or the user agrees; then exits with CODE.
:finish
set "STOP=%STOP_MODE%"
if defined STOP goto finish_apply
set "STOP=no"
if not "%CODE%"=="0" goto finish_apply
call :ask "Stop import service, Yes or No: " "y yes n no" "Answer yes or no."
if "%ANSWER%"=="y" set "STOP=yes"
if "%ANSWER%"=="yes" set "STOP=yes"
:finish_apply
if not "%STOP%"=="yes" goto finish_keep
call "%CONSOLE%" stop > "%STEP_OUT%" 2>&1
call :say_file "%STEP_OUT%"
del "%STEP_OUT%"
exit /b %CODE%
:finish_keep
call :say The import service is still running; stop it with: console.bat stop
exit /b %CODE%

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

rem Prints a line on the console and into logs\import.log.
:say
echo(%*
>> logs\import.log echo(%*
goto :eof

rem Prints a file on the console and into logs\import.log.
:say_file
type "%~1"
type "%~1" >> logs\import.log
goto :eof

rem Asks question %1 until the answer is one of the words %2; sets ANSWER (lower case).
rem After three empty answers (no one is there to answer) ANSWER stays empty.
:ask
set "ASK_EMPTY=0"
:ask_again
set "ANSWER="
set /p "ANSWER=%~1"
>> logs\import.log echo(%~1%ANSWER%
if not defined ANSWER goto ask_empty
for %%w in (%~2) do if /i "%ANSWER%"=="%%w" (set "ANSWER=%%w" & goto :eof)
echo %~3
goto ask_again
:ask_empty
set /a ASK_EMPTY+=1
if %ASK_EMPTY% LSS 3 goto ask_again
echo No answer; see --help for the flags of unattended runs.
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
