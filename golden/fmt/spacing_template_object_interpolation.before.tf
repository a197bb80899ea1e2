locals {
  dump = "cfg=${{a=1}}"
}
