#!/bin/sh
# Adds Työkyky to this user's application menu, run from the unpacked folder (no administrator rights).
# Remove it again with: rm ~/.local/share/applications/tyokyky.desktop ~/.local/share/icons/hicolor/scalable/apps/tyokyky.svg
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps"
cp "$here/tyokyky.svg" "$data/icons/hicolor/scalable/apps/tyokyky.svg"
escaped=$(printf '%s' "$here" | sed 's/[&|\\]/\\&/g')  # the folder as a sed replacement
sed "s|^Exec=.*|Exec=\"$escaped/tyokykyapp\"|" "$here/tyokyky.desktop" > "$data/applications/tyokyky.desktop"
echo "Työkyky is in the application menu (Office). It runs from $here: keep this folder where it is."
