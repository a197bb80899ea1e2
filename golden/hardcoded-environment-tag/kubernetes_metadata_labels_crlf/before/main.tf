resource "kubernetes_deployment" "api" {
  metadata {
    name = "api"
    labels = {
      app = "api"
      env = "dev"
    }
  }

  spec {
    replicas = 1
  }
}
