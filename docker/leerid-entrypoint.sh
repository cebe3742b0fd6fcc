#!/bin/bash
# LeerID's container entrypoint: Keycloak with its secrets read from files (Docker or Kubernetes secrets).
# For every KC_<OPTION>_FILE variable, KC_<OPTION> is set to that file's content, so a password is never
# in the compose file, the image or `docker inspect`. Then kc.sh runs with the container's arguments.
set -euo pipefail
for variable in $(compgen -e); do
  case "$variable" in
    KC_*_FILE)
      file=${!variable}
      [ -r "$file" ] || { echo "leerid: $variable names $file, which cannot be read" >&2; exit 64; }
      export "${variable%_FILE}"="$(cat "$file")"
      unset "$variable"
      ;;
  esac
done
exec /opt/keycloak/bin/kc.sh "$@"
