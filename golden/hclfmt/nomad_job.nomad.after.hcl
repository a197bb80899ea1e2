job "web" {
  datacenters = ["dc1"]
  type        = "service"

  group "web" {
    count = 3
    network {
      port "http" { to = 8080 }
    }

    task "server" {
      driver = "docker"
      config {
        image = "nginx:1.25"
        ports = ["http"]
      }
      template {
        data        = <<EOH
upstream = {{ env "NOMAD_ADDR_http" }}
EOH
        destination = "local/app.conf"
      }
      resources {
        cpu    = 500 # MHz
        memory = 256 // MB
      }
    }
  }
}
