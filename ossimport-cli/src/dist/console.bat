@echo off
rem console.bat: run the standalone ossimport step by step (see README.md).
rem   console.bat submit, start, stop, clean, stat, retry or version
rem Works from any directory. import.bat calls this file for its steps.
rem console.sh mirrors this file: same verbs, messages and exit codes (ScriptParityTest).
setlocal EnableExtensions
set "OSSIMPORT_HOME=%~dp0"
set "OSSIMPORT_HOME=%OSSIMPORT_HOME:~0,-1%"
set "SYS_CONF=conf\sys.properties"
set "JOB_CONF=conf\local_job.cfg"
set "JAR=bin\ossimport2.jar"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

if "%~1"=="" goto usage
rem submit --offline: accept the job without asking the destination first (no network here yet).
set "SUBMIT_OPTS="
if /i "%~2"=="--offline" if /i "%~1"=="submit" set "SUBMIT_OPTS=--offline"
if not "%~2"=="" if not defined SUBMIT_OPTS goto usage
if not "%~3"=="" goto usage
set "VERB="
for %%v in (submit start stop clean stat retry version) do if /i "%~1"=="%%v" set "VERB=%%v"
if not defined VERB goto usage

rem Move to the package directory, check the configuration, read JOB_NAME and JAVA_HEAP.
cd /d "%OSSIMPORT_HOME%" || exit /b 5
if not exist logs mkdir logs
if exist "%SYS_CONF%" goto configured
echo Error: %OSSIMPORT_HOME%\%SYS_CONF% not found; restore it from the ossimport package.
exit /b 2
:configured
call :read_key "%JOB_CONF%" jobName local_test JOB_NAME
call :read_key "%SYS_CONF%" javaHeapMaxSize 1024m JAVA_HEAP
goto verb_%VERB%

:verb_submit
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" submit %SUBMIT_OPTS% "%JOB_CONF%" > logs\submit.log 2>&1
set "RC=%errorlevel%"
type logs\submit.log
exit /b %RC%

:verb_start
rem A new window runs the service and shows its log; logs\ossimport2.log keeps a copy.
rem Unlike the original console.bat, javaHeapMaxSize of sys.properties is honoured.
start "ossimport service" cmd /c ""%JAVA%" -Xmx%JAVA_HEAP% -XX:+UseSerialGC -jar "%JAR%" -c "%SYS_CONF%" start --log-file logs\ossimport2.log || pause"
echo Start import service completed.
exit /b 0

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
findstr /b /c:"None failed tasks" logs\retry.log > nul
if errorlevel 1 echo Retry has been submitted.
exit /b 0

:verb_version
"%JAVA%" -jar "%JAR%" -c "%SYS_CONF%" version
exit /b %errorlevel%

:usage
echo Usage: console.bat ^<command^>
echo   submit   submit the job of conf/local_job.cfg (submit --offline: without asking OSS first)
echo   start    start the import service in the background
echo   stop     stop the import service (gracefully, else by its recorded PID)
echo   clean    delete the job (jobName of conf/local_job.cfg) to run it again
echo   stat     show the job status
echo   retry    run the failed tasks of the job again
echo   version  show the version
echo Exit codes: 0 ok, 1 usage, 2 configuration, 3 failed tasks, 4 service state,
echo 5 runtime failure, 6 job exists or is unknown.
exit /b 1

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
