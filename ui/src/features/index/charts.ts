// chart.js with only the pieces the dashboard uses (radar of aspects, bar of domains).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from "chart.js";

Chart.register(
  RadarController, RadialLinearScale, PointElement, LineElement, Filler,
  BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend,
);
Chart.defaults.font.family = "system-ui, 'DejaVu Sans', sans-serif";
Chart.defaults.animation = false;

export { Chart };
