<#
.SYNOPSIS
  The original's comparison of load results, for Windows users: rebuilds data/load/summary.csv,
  summary.md and report.html (charts) from every run in data/load/runs. A thin wrapper over:
    npm run load:report
.EXAMPLE
  ./compare-perf-logs.ps1; Start-Process data/load/report.html
#>
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
  npm run load:report
  if ($LASTEXITCODE -eq 0) { Get-Content data/load/summary.md -TotalCount 40 }
  exit $LASTEXITCODE
} finally {
  Pop-Location
}
