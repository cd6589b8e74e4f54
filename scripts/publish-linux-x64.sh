#!/usr/bin/env bash
# Publishes a self-contained linux-x64 build of wann (no .NET SDK or runtime needed where it runs; a GPU
# machine needs only the NVIDIA driver) and packs it as publish/wann-linux-x64.tar.xz.
# On the target: tar -xJf wann-linux-x64.tar.xz && ./wann-linux-x64/wann devices && ./wann-linux-x64/wann check --backend cuda
set -euo pipefail
cd "$(dirname "$0")/.."
out=publish/wann-linux-x64
rm -rf "$out" publish/wann-linux-x64.tar.xz
dotnet publish src/Host -c Release -r linux-x64 --self-contained true -nologo -v quiet \
  -p:PublishSingleFile=false -p:DebugType=none -p:GenerateDocumentationFile=false -p:EnforceCodeStyleInBuild=false -o "$out"
cp reference/wann-original/swing.out LICENSE NOTICE scripts/gpu-check.sh "$out/"
cp reference/wann-original/LICENSE "$out/LICENSE.wann-original"
cp reference/wann-original/NOTICE "$out/NOTICE.wann-original"
tar -C publish -cJf publish/wann-linux-x64.tar.xz wann-linux-x64
ls -l publish/wann-linux-x64.tar.xz
