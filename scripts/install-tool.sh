#!/usr/bin/env bash
# Packs wann as a .NET tool (artifacts/nupkg/Wann.Gpu.VERSION.nupkg) and installs it for this user
# (dotnet tool install --global), replacing an installed copy, so that 'wann' runs from any folder.
# Then: make sure ~/.dotnet/tools is on PATH (the script says how when it is not).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "install-tool.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 2; }
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Host/Wann.Host.csproj)
[ -n "$version" ] || { echo "install-tool.sh: no <Version> in src/Host/Wann.Host.csproj" >&2; exit 2; }
if [ "${1:-}" != "--no-pack" ]; then
  dotnet pack src/Host -c Release -v quiet -nologo -o artifacts/nupkg
fi
[ -f "artifacts/nupkg/Wann.Gpu.$version.nupkg" ] || { echo "install-tool.sh: artifacts/nupkg/Wann.Gpu.$version.nupkg is missing" >&2; exit 2; }
# A package of the same version already restored once would be taken from NuGet's cache, not from the new file.
dotnet tool uninstall --global Wann.Gpu >/dev/null 2>&1 || true
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/wann.gpu/$version"
# --ignore-failed-sources: the package is local; an unreachable nuget.org must not stop the install.
dotnet tool install --global --add-source artifacts/nupkg --ignore-failed-sources Wann.Gpu --version "$version"
tools="$HOME/.dotnet/tools"
case ":$PATH:" in
  *":$tools:"*) ;;
  *) echo "add the .NET tools folder to PATH (e.g. in ~/.bashrc): export PATH=\"\$PATH:$tools\"" ;;
esac
dotnet_dir=$(dirname "$(readlink -f "$(command -v dotnet)")")
case "$dotnet_dir" in
  /usr/share/dotnet|/usr/lib/dotnet|/usr/local/share/dotnet|/usr/lib64/dotnet) ;;
  *) [ -n "${DOTNET_ROOT:-}" ] || echo "dotnet lives in $dotnet_dir: also export DOTNET_ROOT=$dotnet_dir so the 'wann' command finds it" ;;
esac
"$tools/wann" --version
