#!/usr/bin/env bash
# Installs the Debian packages nnbook builds against (and any named as arguments, such as the
# test data set dataset-fashion-mnist and the programs the tests compare with), when they are
# missing. Idempotent: a machine that has them all is left untouched and nothing is downloaded.
set -euo pipefail

packages=(pkg-config libgit2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev "$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "nnbook setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
