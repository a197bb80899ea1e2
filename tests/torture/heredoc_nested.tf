locals {
  outer = <<OUTER
before ${join("\n", [<<INNER
inner line ${var.x}
INNER
])} after
${trimspace(<<-DEEP
    deep ${"quoted ${"nested"}"}
  DEEP
)}
OUTER
  same_marker = <<EOT
a ${<<EOT
b
EOT
} c
EOT
}
